package vn.inspectorate.complaints.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.inspectorate.platform.sql.Sql;

/**
 * New cases written as rows, in the pipeline of their other rows: a filing's cases, history, identities, links and
 * events then wait for the database once, where Hibernate's insert of the cases was a round trip of its own. The cases
 * written here are not managed by the persistence context; a caller that changes a case later in its transaction
 * persists it instead. Every column of {@code citizen_case} is named here, as every field of {@link CitizenCase} is
 * mapped to it (checked by {@code CaseRowsTest}).
 */
final class CaseRows {

    private record Column(String name, String type, Function<CitizenCase, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", "uuid", c -> c.id),
            new Column("version", "int8", c -> c.version),
            new Column("province_code", "text", c -> c.provinceCode),
            new Column("filed_unit_code", "text", c -> c.filedUnitCode),
            new Column("source_system", "text", c -> c.sourceSystem),
            new Column("source_reference", "text", c -> c.sourceReference),
            new Column("receiving_body_code", "text", c -> c.receivingBodyCode),
            new Column("handling_body_code", "text", c -> c.handlingBodyCode),
            new Column("channel", "text", c -> c.channel),
            new Column("declared_kind", "text", c -> c.declaredKind),
            new Column("kind", "text", c -> c.kind),
            new Column("instance", "int4", c -> c.instance),
            new Column("filed_instance", "int4", c -> c.filedInstance),
            new Column("complex", "bool", c -> c.complex),
            new Column("remote_area", "bool", c -> c.remoteArea),
            new Column("remote_area_derived", "bool", c -> c.remoteAreaDerived),
            new Column("remote_area_source", "text", c -> c.remoteAreaSource),
            new Column("remote_area_reason", "text", c -> c.remoteAreaReason),
            new Column("proposed_kind", "text", c -> c.proposedKind),
            new Column("kind_proposal_reason", "text", c -> c.kindProposalReason),
            new Column("evidence_offered", "bool", c -> c.evidenceOffered),
            new Column("information_assessment", "text", c -> c.informationAssessment),
            new Column("information_missing", "text", c -> c.informationMissing),
            new Column("information_to_examine", "bool", c -> c.informationToExamine),
            new Column("information_only", "bool", c -> c.informationOnly),
            new Column("status", "text", c -> c.status),
            new Column("subject", "text", c -> c.subject),
            new Column("summary", "text", c -> c.summary),
            new Column("respondent_code", "text", c -> c.respondentCode),
            new Column("respondent_declarant_id", "uuid", c -> c.respondentDeclarantId),
            new Column("filed_respondent_declarant_id", "uuid", c -> c.filedRespondentDeclarantId),
            new Column("received_on", "date", c -> c.receivedOn),
            new Column("decision_learned_on", "date", c -> c.decisionLearnedOn),
            new Column("signed", "bool", c -> c.signed),
            new Column("affects_complainant", "bool", c -> c.affectsComplainant),
            new Column("decided_at_second_instance", "bool", c -> c.decidedAtSecondInstance),
            new Column("anonymous", "bool", c -> c.anonymous),
            new Column("complainant_count", "int4", c -> c.complainantCount),
            new Column("representative_count", "int4", c -> c.representativeCount),
            new Column("mass", "bool", c -> c.mass),
            new Column("rule_set_version", "text", c -> c.ruleSetVersion),
            new Column("admissibility_findings", "text", c -> c.admissibilityFindings),
            new Column("acceptance_due_on", "date", c -> c.acceptanceDueOn),
            new Column("accepted_on", "date", c -> c.acceptedOn),
            new Column("resolution_due_on", "date", c -> c.resolutionDueOn),
            new Column("notify_due_on", "date", c -> c.notifyDueOn),
            new Column("current_due_on", "date", c -> c.currentDueOn),
            new Column("denouncer_notified_on", "date", c -> c.denouncerNotifiedOn),
            new Column("extension_count", "int4", c -> c.extensionCount),
            new Column("paused_on", "date", c -> c.pausedOn),
            new Column("paused_from_status", "text", c -> c.pausedFromStatus),
            new Column("resolved_on", "date", c -> c.resolvedOn),
            new Column("outcome", "text", c -> c.outcome),
            new Column("decision_reference", "text", c -> c.decisionReference),
            new Column("second_complaint_window_ends_on", "date", c -> c.secondComplaintWindowEndsOn),
            new Column("parent_case_id", "uuid", c -> c.parentCaseId),
            new Column("escalated_case_id", "uuid", c -> c.escalatedCaseId),
            new Column("transferred_from_case_id", "uuid", c -> c.transferredFromCaseId),
            new Column("transferred_to_case_id", "uuid", c -> c.transferredToCaseId),
            new Column("closed_on", "date", c -> c.closedOn),
            new Column("backfilled", "bool", c -> c.backfilled),
            new Column("closure_reason", "text", c -> c.closureReason),
            new Column("created_at", "timestamptz", c -> c.createdAt),
            new Column("updated_at", "timestamptz", c -> c.updatedAt));

    private static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
    /** One case: its values bound as they are, each cast to its column's type (a null has no type of its own). */
    private static final String INSERT_ONE = "insert into citizen_case (" + NAMES + ") values ("
            + COLUMNS.stream().map(c -> "?::" + c.type()).collect(Collectors.joining(", ")) + ")";
    /**
     * Several: one array a column, so the statement is the same for any number of cases. Each goes as a text array
     * (see {@link Sql.ArrayOf}) that the statement casts to its column's type: each value read from its text.
     */
    private static final String INSERT_MANY = "insert into citizen_case (" + NAMES + ") select * from unnest("
            + COLUMNS.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", ")) + ")";

    private CaseRows() {
    }

    /** Adds the insert of {@code cases} to {@code writes}, ahead of the rows that refer to them. */
    static void insert(List<CitizenCase> cases, Sql.Pipeline writes) {
        if (cases.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(COLUMNS.size());
        if (cases.size() == 1) {
            CitizenCase c = cases.get(0);
            for (Column column : COLUMNS) {
                params.add(column.value().apply(c));
            }
            writes.update(INSERT_ONE, params);
            return;
        }
        for (Column column : COLUMNS) {
            List<Object> values = new ArrayList<>(cases.size());
            for (CitizenCase c : cases) {
                values.add(column.value().apply(c));
            }
            params.add(new Sql.ArrayOf("text", values));
        }
        writes.update(INSERT_MANY, params);
    }

    /** The column names, in the order written. */
    static List<String> columns() {
        return COLUMNS.stream().map(Column::name).toList();
    }
}
