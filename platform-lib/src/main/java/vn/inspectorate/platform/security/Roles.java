package vn.inspectorate.platform.security;

/** The realm roles of the platform (Keycloak realm {@code inspectorate}). */
public final class Roles {
    public static final String PROVINCIAL_SYSTEM = "provincial-system";
    public static final String INSPECTOR = "inspector";
    public static final String CENTRAL_ANALYST = "central-analyst";
    public static final String ASSET_CONTROLLER = "asset-controller";
    public static final String PARTNER = "partner";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }
}
