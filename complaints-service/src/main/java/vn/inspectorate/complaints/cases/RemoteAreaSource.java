package vn.inspectorate.complaints.cases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a case's remote-area flag comes from: its unit's designation, or the inspector with a recorded reason. */
@Schema(name = "RemoteAreaSource")
public enum RemoteAreaSource {
    DERIVED, OVERRIDE
}
