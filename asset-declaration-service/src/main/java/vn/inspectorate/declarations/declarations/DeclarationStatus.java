package vn.inspectorate.declarations.declarations;

/** Draft, then submitted, then at most one correction, then verified (final). */
public enum DeclarationStatus { DRAFT, SUBMITTED, CORRECTED, VERIFIED }
