package vn.inspectorate.declarations.declarations;

public enum DeclarationKind { FIRST_TIME, ANNUAL, SUPPLEMENTARY, PERSONNEL_WORK }
