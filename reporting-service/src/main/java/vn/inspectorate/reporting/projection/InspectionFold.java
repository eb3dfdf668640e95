package vn.inspectorate.reporting.projection;

import static vn.inspectorate.reporting.projection.RecordFacts.date;
import static vn.inspectorate.reporting.projection.RecordFacts.flag;
import static vn.inspectorate.reporting.projection.RecordFacts.number;
import static vn.inspectorate.reporting.projection.RecordFacts.occurredOn;
import static vn.inspectorate.reporting.projection.RecordFacts.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.reporting.figures.Figure;

/**
 * An inspection's state folded from its events in version order. A later conclusion (a correction) replaces the
 * earlier figures; each recovery recording and each overlap detection counts on its own day.
 */
final class InspectionFold {

    private record Recovery(LocalDate day, long vnd, long landM2) {
    }

    String province;
    String body;
    String sector;
    String type;
    Boolean planned;
    LocalDate openedOn;
    JsonNode conclusion;
    final List<Recovery> recoveries = new ArrayList<>();
    final List<LocalDate> overlaps = new ArrayList<>();

    static InspectionFold of(List<StoredEvent> events) {
        InspectionFold f = new InspectionFold();
        events.forEach(f::apply);
        return f;
    }

    private void apply(StoredEvent e) {
        JsonNode d = e.data();
        String p = text(d, "provinceCode");
        if (p != null) {
            province = p;
        }
        switch (e.type()) {
            case EventTypes.INSPECTION_OPENED -> {
                body = text(d, "inspectingBodyCode");
                sector = text(d, "sector");
                type = text(d, "inspectionType");
                planned = flag(d, "planned");
                openedOn = date(d, "openedOn");
            }
            case EventTypes.INSPECTION_CONCLUDED -> {
                conclusion = d;
                body = keep(body, text(d, "inspectingBodyCode"));
                sector = keep(sector, text(d, "sector"));
                type = keep(type, text(d, "inspectionType"));
            }
            case EventTypes.INSPECTION_RECOVERY_RECORDED -> recoveries.add(new Recovery(
                    date(d, "recordedOn"), number(d, "recoveredVnd"), number(d, "recoveredLandM2")));
            case EventTypes.INSPECTION_OVERLAP_DETECTED -> overlaps.add(occurredOn(d));
            default -> {
                // extended, follow-up closed: no figure of their own
            }
        }
    }

    List<Contribution> contributions() {
        RecordFacts.Collector c = new RecordFacts.Collector(province, body, sector, type);
        c.add(Figure.INSPECTIONS_OPENED, openedOn, 1);
        // the administrative/specialized split for the days before 1 July 2025, one kind from it (never mixed)
        Figure.inspectionKind(type, openedOn).ifPresent(kind -> c.add(kind, openedOn, 1));
        if (planned != null) {
            c.add(planned ? Figure.INSPECTIONS_PLANNED : Figure.INSPECTIONS_AD_HOC, openedOn, 1);
        }
        if (conclusion != null) {
            LocalDate on = date(conclusion, "concludedOn");
            c.add(Figure.INSPECTIONS_CONCLUSIONS, on, 1);
            c.add(Figure.INSPECTIONS_UNITS_COVERED, on, number(conclusion, "unitsCovered"));
            c.add(Figure.INSPECTIONS_VIOLATIONS_VND, on, number(conclusion, "violationsVnd"));
            c.add(Figure.INSPECTIONS_VIOLATIONS_LAND, on, number(conclusion, "violationsLandM2"));
            c.add(Figure.INSPECTIONS_RECOVERY_RECOMMENDED_VND, on, number(conclusion, "recoveryRecommendedVnd"));
            c.add(Figure.INSPECTIONS_RECOVERY_RECOMMENDED_LAND, on, number(conclusion, "recoveryRecommendedLandM2"));
            c.add(Figure.INSPECTIONS_RESPONSIBLE_ORGANISATIONS, on, number(conclusion, "responsibleOrganisationsCount"));
            c.add(Figure.INSPECTIONS_RESPONSIBLE_INDIVIDUALS, on, number(conclusion, "responsibleIndividualsCount"));
            c.add(Figure.INSPECTIONS_TRANSFERS, on, number(conclusion, "transfersToInvestigationCount"));
        }
        for (Recovery r : recoveries) {
            c.add(Figure.INSPECTIONS_RECOVERED_VND, r.day(), r.vnd());
            c.add(Figure.INSPECTIONS_RECOVERED_LAND, r.day(), r.landM2());
        }
        overlaps.forEach(day -> c.add(Figure.INSPECTIONS_OVERLAPS, day, 1));
        return c.items();
    }

    private static String keep(String current, String value) {
        return current != null ? current : value;
    }
}
