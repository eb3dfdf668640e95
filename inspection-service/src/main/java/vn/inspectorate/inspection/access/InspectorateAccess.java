package vn.inspectorate.inspection.access;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.inspectorate.inspection.reference.InspectionBody;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;

/**
 * Who may read and act for which inspection body.
 * <ul>
 * <li>{@code provincial-system} and {@code inspector} with a {@code province} claim act for the bodies of that
 * province (provincial and district inspectorates) and read that province's records.</li>
 * <li>{@code inspector} without a {@code province} claim is central staff (Government Inspectorate or a ministry
 * inspectorate): acts for the bodies without a province (central and sector level), limited to its {@code agency}
 * claim when it carries one, and reads the whole nation.</li>
 * <li>{@code central-analyst} and {@code platform-admin} read everything and act for no body.</li>
 * <li>Approving or amending a plan and settling an overlap is a decision of the head of an inspectorate: role
 * {@code inspector} with claim {@value #APPROVER_CLAIM}{@code =true}, for a body the caller acts for (for a settlement:
 * either side's body, or any body when the approver is central staff, i.e. the superior inspectorate).</li>
 * <li>Loading history (a back-fill) is for {@code provincial-system}, for its province's bodies, and for
 * {@code platform-admin}, for any body; while a request loads history ({@link #loadHistory()}), the admin acts for
 * every body and inspectors act for none.</li>
 * </ul>
 */
@RequestScoped
public class InspectorateAccess {

    public static final String APPROVER_CLAIM = "plan_approver";

    private final CallerScope scope;
    private final JsonWebToken token;

    InspectorateAccess(CallerScope scope, JsonWebToken token) {
        this.scope = scope;
        this.token = token;
    }

    private boolean loadingHistory;

    /** True when the caller may load history at all: a provincial system, or the platform admin. */
    public boolean mayLoadHistory() {
        return scope.hasRole(Roles.PROVINCIAL_SYSTEM) || scope.hasRole(Roles.PLATFORM_ADMIN);
    }

    /** From now on this request loads history: 403 unless the caller may. */
    public void loadHistory() {
        if (!mayLoadHistory()) {
            throw ProblemException.keyed(403, "forbidden", "access.load-history");
        }
        loadingHistory = true;
    }

    /** Central staff: an inspector bound to no province. */
    public boolean isCentralInspector() {
        return scope.hasRole(Roles.INSPECTOR) && scope.province().isEmpty();
    }

    /** Reads every province's records. */
    public boolean readsNation() {
        return scope.isCentral() || isCentralInspector();
    }

    /** True when the caller may read a record of {@code provinceCode} (null: a central or sector record). */
    public boolean maySee(String provinceCode) {
        if (readsNation()) {
            return true;
        }
        return provinceCode != null && scope.province().map(provinceCode::equals).orElse(false);
    }

    /** The province a provincial caller is limited to, or null for a caller who reads the nation. */
    public String provinceFilter() {
        return readsNation() ? null : scope.province().orElse("-");
    }

    /**
     * The province a list is read for: the one {@code asked} (null: every province the caller sees), narrowed to a
     * provincial caller's own; asking for another province is a 403 saying the caller sees only the records (named by
     * {@code recordsKey} in the message bundles) of its own.
     */
    public String listedProvince(String asked, String recordsKey) {
        String own = provinceFilter();
        if (own != null && asked != null && !own.equals(asked)) {
            throw ProblemException.keyed(403, "forbidden", "access.own-province-only", new Problem.Text(recordsKey), own);
        }
        return own != null ? own : asked;
    }

    public boolean mayActFor(InspectionBody body) {
        if (loadingHistory) {
            return scope.hasRole(Roles.PLATFORM_ADMIN) || scope.hasRole(Roles.PROVINCIAL_SYSTEM)
                    && scope.province().map(p -> p.equals(body.provinceCode)).orElse(false);
        }
        if (scope.hasRole(Roles.PROVINCIAL_SYSTEM) || scope.hasRole(Roles.INSPECTOR)) {
            if (scope.province().isPresent()) {
                return scope.province().get().equals(body.provinceCode);
            }
            if (scope.hasRole(Roles.INSPECTOR) && body.provinceCode == null) {
                return scope.agency().map(body.code::equals).orElse(true);
            }
        }
        return false;
    }

    /** 403 unless the caller may act for {@code body}. */
    public void requireActFor(InspectionBody body) {
        if (!mayActFor(body)) {
            throw ProblemException.keyed(403, "forbidden", "access.act-for-body", body.code);
        }
    }

    public boolean isApprover() {
        Object claim = token == null ? null : token.getClaim(APPROVER_CLAIM);
        return scope.hasRole(Roles.INSPECTOR) && claim != null && "true".equals(claim.toString().replace("\"", ""));
    }

    /** 403 unless the caller may approve decisions of {@code body}. */
    public void requireApproverFor(InspectionBody body) {
        if (!isApprover() || !mayActFor(body)) {
            throw ProblemException.keyed(403, "forbidden", "access.approver-only", body.code, APPROVER_CLAIM);
        }
    }
}
