package vn.inspectorate.dashboard.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import vn.inspectorate.dashboard.web.Page;
import vn.inspectorate.dashboard.web.Table;

/** The pages' templates (src/main/resources/templates), checked against these parameters at build time. */
@CheckedTemplate
public class Templates {

    /** A page of filters, an introduction and tables (charted where the table says so), with optional links below. */
    public static native TemplateInstance figures(Page page, String intro, Filters filters, List<Table> tables,
            List<Link> links);

    /** An asset controller's verification plan: a form to find one by its id, then its draw and its verifications. */
    public static native TemplateInstance verificationPlan(Page page, String planId, List<Table> tables);

    /**
     * Who filed a case: the form asking why (a purpose, required), or after it the identity, shown once and never
     * cached, with the note that the reading is logged.
     */
    public static native TemplateInstance caseIdentity(Page page, String caseId, String purpose, String error,
            List<Table> tables);

    /** A page the user may not see or that does not exist: the same answer, so it tells nothing of the other. */
    public static native TemplateInstance notFound(Page page);

    /** After signing out: no session, so no navigation. */
    public static native TemplateInstance signedOut(String lang, String title, String body, String again);

    /** A link under a page's tables (the next page of a list, a download). */
    public record Link(String label, String href) {
    }
}
