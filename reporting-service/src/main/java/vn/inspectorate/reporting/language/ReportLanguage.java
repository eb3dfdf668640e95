package vn.inspectorate.reporting.language;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.problem.ProblemLanguage;
import vn.inspectorate.reporting.figures.ReportViews;
import vn.inspectorate.reporting.national.NationalReport;
import vn.inspectorate.reporting.publication.PublicationService.Snapshot;

/**
 * Writes every report the service answers as JSON in the request's language (Vietnamese unless the request prefers
 * English), and says which: the resources build figures, this puts in the words. Exports (CSV, XLSX) are written in
 * the language by their resource and only announced here.
 */
public class ReportLanguage {

    private static final String REPORTS = "api/v1/reports";

    @ServerResponseFilter
    public void localize(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().contains(REPORTS) || response.getStatus() >= 300) {
            return;
        }
        Locale language = Languages.negotiate(request.getHeaderString(Languages.ACCEPT_LANGUAGE));
        Object entity = response.getEntity();
        Object local = localized(entity, language);
        if (local != entity) {
            response.setEntity(local, response.getEntityAnnotations(), response.getMediaType());
        }
        ProblemLanguage.announce(response.getHeaders(), language);
    }

    static Object localized(Object entity, Locale language) {
        return switch (entity) {
            case ReportViews.Summary s -> ReportLabels.summary(s, language);
            case ReportViews.Series s -> ReportLabels.series(s, language);
            case ReportViews.Breakdown b -> ReportLabels.breakdown(b, language);
            case NationalReport r -> ReportLabels.report(r, null, language);
            case Snapshot s -> snapshot(s, language);
            case List<?> list when !list.isEmpty() && list.get(0) instanceof Snapshot ->
                    list.stream().map(s -> snapshot((Snapshot) s, language)).toList();
            case List<?> list when !list.isEmpty() && list.get(0) instanceof vn.inspectorate.reporting.figures
                    .ReportResource.FigureInfo -> list.stream()
                    .map(i -> (vn.inspectorate.reporting.figures.ReportResource.FigureInfo) i)
                    .map(i -> new vn.inspectorate.reporting.figures.ReportResource.FigureInfo(i.figure(),
                            ReportLabels.figure(i.figure(), language), i.unit(), i.headline(), i.now(),
                            i.inForceFrom(), i.inForceTo()))
                    .toList();
            case null, default -> entity;
        };
    }

    /** A published report: its "now" figures were read when it was published, if the report does not say. */
    public static Snapshot snapshot(Snapshot s, Locale language) {
        return new Snapshot(s.snapshotId(), s.reportId(), s.periodKind(), s.calendar(), s.periodKey(),
                s.periodStart(), s.periodEnd(), s.scope(), s.scopeCode(), s.publishedAt(), s.publishedBy(),
                s.offsetsReflected(), ReportLabels.report(s.report(), s.publishedAt(), language));
    }
}
