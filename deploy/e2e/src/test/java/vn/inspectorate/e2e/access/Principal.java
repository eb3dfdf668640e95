package vn.inspectorate.e2e.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.inspectorate.e2e.RunningPlatform;

/** The realm's demo accounts, one per role and scope the access rules distinguish. */
enum Principal {
    PROVINCE_HN("province-hn", true, Role.PROVINCIAL_SYSTEM, "VN-HN", null),
    PROVINCE_NB("province-nb", true, Role.PROVINCIAL_SYSTEM, "VN-18", null),
    INSPECTOR_HN("inspector-hn", false, Role.INSPECTOR, "VN-HN", "TTT-HN"),
    INSPECTOR_NB("inspector-nb", false, Role.INSPECTOR, "VN-18", "TTT-NB"),
    /** Head of the Ha Noi inspectorate: approves plans. */
    CHIEF_INSPECTOR_HN("chief-inspector-hn", false, Role.INSPECTOR, "VN-HN", "TTT-HN"),
    /** Head at the Government Inspectorate: central staff, no province. */
    CHIEF_INSPECTOR_TTCP("chief-inspector-ttcp", false, Role.INSPECTOR, null, "TTCP"),
    ANALYST("analyst", false, Role.CENTRAL_ANALYST, null, null),
    /** The central asset controller (agency TTCP): every declaration in the country. */
    ASSET_CONTROLLER("asset-controller", false, Role.ASSET_CONTROLLER, null, "TTCP"),
    PARTNER("partner-demo", true, Role.PARTNER, null, null),
    ADMIN("admin", false, Role.PLATFORM_ADMIN, null, null);

    enum Role {
        PROVINCIAL_SYSTEM, INSPECTOR, CENTRAL_ANALYST, ASSET_CONTROLLER, PARTNER, PLATFORM_ADMIN
    }

    private static final Map<Principal, Token> TOKENS = new ConcurrentHashMap<>();
    /** Tokens live 15 minutes; one is renewed well before that. */
    private static final long RENEW_AFTER_NANOS = 8L * 60 * 1_000_000_000L;

    final String account;
    final boolean client;
    final Role role;
    final String province;
    final String agency;

    Principal(String account, boolean client, Role role, String province, String agency) {
        this.account = account;
        this.client = client;
        this.role = role;
        this.province = province;
        this.agency = agency;
    }

    String token() {
        return TOKENS.compute(this, (p, t) -> t != null && System.nanoTime() - t.issuedAt < RENEW_AFTER_NANOS ? t
                : new Token(client ? RunningPlatform.clientToken(account) : RunningPlatform.userToken(account),
                        System.nanoTime())).value;
    }

    boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    private record Token(String value, long issuedAt) {
    }
}
