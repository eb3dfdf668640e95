package vn.inspectorate.declarations.access;

import jakarta.enterprise.context.RequestScoped;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/**
 * Who may do what with declarants and declarations.
 * <ul>
 * <li>An {@code asset-controller} whose token names the central agency is a central controller: everything, nationwide.</li>
 * <li>Another {@code asset-controller} manages and reads in detail the declarants of its {@code agency} claim or of its
 * {@code province} claim.</li>
 * <li>A {@code provincial-system} registers declarants and files declarations for the agencies of its province, and
 * sees their summaries, never their detail.</li>
 * <li>{@code central-analyst} and {@code platform-admin} see summaries nationwide and review the access log; they do
 * not read declarations in detail.</li>
 * </ul>
 * A record outside the caller's reach is answered as not found.
 */
@RequestScoped
public class DeclarationAccess {

    private final CallerScope caller;
    private final String centralAgency;

    DeclarationAccess(CallerScope caller, DeclarationsConfig config) {
        this.caller = caller;
        this.centralAgency = config.centralAgency();
    }

    public boolean isCentralController() {
        return caller.hasRole(Roles.ASSET_CONTROLLER) && caller.agency().map(centralAgency::equals).orElse(false);
    }

    public boolean isNationalReader() {
        return isCentralController() || caller.isCentral();
    }

    /** Manage declarants and declarations, read their detail. */
    public boolean mayControl(String agency, String province) {
        if (!caller.hasRole(Roles.ASSET_CONTROLLER)) {
            return false;
        }
        return isCentralController()
                || caller.agency().map(agency::equals).orElse(false)
                || caller.province().map(province::equals).orElse(false);
    }

    /** Register declarants and file declarations. */
    public boolean mayFile(String agency, String province) {
        return mayControl(agency, province)
                || (caller.hasRole(Roles.PROVINCIAL_SYSTEM) && caller.province().map(province::equals).orElse(false));
    }

    /** See a summary (ids, totals, status, flags), never identities or items. */
    public boolean maySeeSummary(String agency, String province) {
        return mayFile(agency, province) || isNationalReader();
    }

    /**
     * The query condition that keeps a listing inside the caller's reach, over the entity fields {@code agencyCode}
     * and {@code provinceCode}; parameters {@code scopeAgency} and {@code scopeProvince} as {@link #bind} sets them.
     * Null for national readers (no condition).
     */
    public String listCondition() {
        if (isNationalReader()) {
            return null;
        }
        java.util.List<String> or = new java.util.ArrayList<>();
        if (caller.hasRole(Roles.ASSET_CONTROLLER) && caller.agency().isPresent()) {
            or.add("agencyCode = :scopeAgency");
        }
        if ((caller.hasRole(Roles.ASSET_CONTROLLER) || caller.hasRole(Roles.PROVINCIAL_SYSTEM))
                && caller.province().isPresent()) {
            or.add("provinceCode = :scopeProvince");
        }
        return or.isEmpty() ? "1 = 0" : "(" + String.join(" or ", or) + ")";
    }

    public void bind(String condition, java.util.Map<String, Object> params) {
        if (condition != null && condition.contains(":scopeAgency")) {
            params.put("scopeAgency", caller.agency().orElseThrow());
        }
        if (condition != null && condition.contains(":scopeProvince")) {
            params.put("scopeProvince", caller.province().orElseThrow());
        }
    }

    /** The role under which a detail read is recorded. */
    public String detailRole() {
        return isCentralController() ? Roles.ASSET_CONTROLLER + " (central)" : Roles.ASSET_CONTROLLER;
    }
}
