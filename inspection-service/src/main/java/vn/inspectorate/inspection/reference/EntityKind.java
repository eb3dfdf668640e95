package vn.inspectorate.inspection.reference;

/** What an inspected entity is: an enterprise (inspected at most once a year) or a public body. */
public enum EntityKind {
    ENTERPRISE, PUBLIC_BODY
}
