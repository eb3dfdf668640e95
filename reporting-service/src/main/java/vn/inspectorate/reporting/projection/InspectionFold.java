package vn.inspectorate.reporting.projection;

import static vn.inspectorate.reporting.projection.RecordFacts.occurredOn;
import static vn.inspectorate.reporting.projection.RecordFacts.orElse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.inspectorate.contracts.inspections.InspectionConcluded;
import vn.inspectorate.contracts.inspections.InspectionExtended;
import vn.inspectorate.contracts.inspections.InspectionFollowUpClosed;
import vn.inspectorate.contracts.inspections.InspectionOpened;
import vn.inspectorate.contracts.inspections.InspectionOverlapDetected;
import vn.inspectorate.contracts.inspections.InspectionRecoveryRecorded;
import vn.inspectorate.reporting.figures.Figure;

/**
 * An inspection's state folded from its events in version order. A later conclusion (a correction) replaces the
 * earlier figures; each recovery recording and each overlap detection counts on its own day. The opening names the
 * body, sector and type; a conclusion fills in only those the opening left out.
 */
final class InspectionFold {

    String province;
    String body;
    String sector;
    String type;
    Boolean planned;
    LocalDate openedOn;
    InspectionConcluded conclusion;
    final List<InspectionRecoveryRecorded> recoveries = new ArrayList<>();
    final List<LocalDate> overlaps = new ArrayList<>();

    static InspectionFold of(List<Record> payloads) {
        InspectionFold f = new InspectionFold();
        payloads.forEach(f::apply);
        return f;
    }

    private void apply(Record payload) {
        switch (payload) {
            case InspectionOpened r -> {
                province = orElse(r.provinceCode(), province);
                body = r.inspectingBodyCode();
                sector = r.sector();
                type = r.inspectionType();
                planned = r.planned();
                openedOn = r.openedOn();
            }
            case InspectionConcluded r -> {
                province = orElse(r.provinceCode(), province);
                conclusion = r;
                body = orElse(body, r.inspectingBodyCode());
                sector = orElse(sector, r.sector());
                type = orElse(type, r.inspectionType());
            }
            case InspectionRecoveryRecorded r -> {
                province = orElse(r.provinceCode(), province);
                recoveries.add(r);
            }
            case InspectionOverlapDetected r -> {
                province = orElse(r.provinceCode(), province);
                overlaps.add(occurredOn(r.occurredAt()));
            }
            // extended, follow-up closed: the province only, no figure of their own
            case InspectionExtended r -> province = orElse(r.provinceCode(), province);
            case InspectionFollowUpClosed r -> province = orElse(r.provinceCode(), province);
            default -> {
                // not an event of an inspection
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
            LocalDate on = conclusion.concludedOn();
            c.add(Figure.INSPECTIONS_CONCLUSIONS, on, 1);
            c.add(Figure.INSPECTIONS_UNITS_COVERED, on, conclusion.unitsCovered());
            c.add(Figure.INSPECTIONS_VIOLATIONS_VND, on, conclusion.violationsVnd());
            c.add(Figure.INSPECTIONS_VIOLATIONS_LAND, on, conclusion.violationsLandM2());
            c.add(Figure.INSPECTIONS_RECOVERY_RECOMMENDED_VND, on, conclusion.recoveryRecommendedVnd());
            c.add(Figure.INSPECTIONS_RECOVERY_RECOMMENDED_LAND, on, conclusion.recoveryRecommendedLandM2());
            c.add(Figure.INSPECTIONS_RESPONSIBLE_ORGANISATIONS, on, conclusion.responsibleOrganisationsCount());
            c.add(Figure.INSPECTIONS_RESPONSIBLE_INDIVIDUALS, on, conclusion.responsibleIndividualsCount());
            c.add(Figure.INSPECTIONS_TRANSFERS, on, conclusion.transfersToInvestigationCount());
        }
        for (InspectionRecoveryRecorded r : recoveries) {
            c.add(Figure.INSPECTIONS_RECOVERED_VND, r.recordedOn(), r.recoveredVnd());
            c.add(Figure.INSPECTIONS_RECOVERED_LAND, r.recordedOn(), r.recoveredLandM2());
        }
        overlaps.forEach(day -> c.add(Figure.INSPECTIONS_OVERLAPS, day, 1));
        return c.items();
    }
}
