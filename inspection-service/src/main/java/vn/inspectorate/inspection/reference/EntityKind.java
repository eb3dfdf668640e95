package vn.inspectorate.inspection.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an inspected entity is: an enterprise (inspected at most once a year) or a public body. */
@Schema(name = "InspectedEntityKind")
public enum EntityKind {
    ENTERPRISE, PUBLIC_BODY
}
