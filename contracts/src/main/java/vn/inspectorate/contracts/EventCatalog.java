package vn.inspectorate.contracts;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.inspectorate.contracts.cases.CaseAccepted;
import vn.inspectorate.contracts.cases.CaseAssigned;
import vn.inspectorate.contracts.cases.CaseClassified;
import vn.inspectorate.contracts.cases.CaseClosed;
import vn.inspectorate.contracts.cases.CaseDenouncerNotified;
import vn.inspectorate.contracts.cases.CaseEscalated;
import vn.inspectorate.contracts.cases.CaseExtended;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.contracts.cases.CaseOverdue;
import vn.inspectorate.contracts.cases.CasePaused;
import vn.inspectorate.contracts.cases.CaseProgressReported;
import vn.inspectorate.contracts.cases.CaseReceived;
import vn.inspectorate.contracts.cases.CaseRejected;
import vn.inspectorate.contracts.cases.CaseResolved;
import vn.inspectorate.contracts.cases.CaseResumed;
import vn.inspectorate.contracts.cases.CaseTransferred;
import vn.inspectorate.contracts.cases.CaseWatchlisted;
import vn.inspectorate.contracts.cases.CaseWithdrawn;
import vn.inspectorate.contracts.declarations.DeclarationFlagged;
import vn.inspectorate.contracts.declarations.DeclarationSubmitted;
import vn.inspectorate.contracts.declarations.DeclarationVerificationSelected;
import vn.inspectorate.contracts.declarations.DeclarationVerified;
import vn.inspectorate.contracts.inspections.InspectionConcluded;
import vn.inspectorate.contracts.inspections.InspectionExtended;
import vn.inspectorate.contracts.inspections.InspectionFollowUpClosed;
import vn.inspectorate.contracts.inspections.InspectionOpened;
import vn.inspectorate.contracts.inspections.InspectionOverlapDetected;
import vn.inspectorate.contracts.inspections.InspectionPlanApproved;
import vn.inspectorate.contracts.inspections.InspectionRecoveryRecorded;
import vn.inspectorate.contracts.publicevents.PublicCaseStatusChanged;
import vn.inspectorate.contracts.publicevents.PublicInspectionConcluded;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.contracts.reference.ComplaintRuleSetAdded;
import vn.inspectorate.contracts.reference.DeclarationRuleChanged;
import vn.inspectorate.contracts.reference.InspectionBodyChanged;
import vn.inspectorate.contracts.reports.ReportPublished;

/**
 * The immutable registry of every event the platform publishes: its CloudEvents type, its payload record, its topic,
 * and whether it is a sanitized public event. The AsyncAPI document {@value #ASYNCAPI_RESOURCE} describes the same
 * events, and the contract tests hold the two together.
 */
public final class EventCatalog {

    /** Classpath location of the AsyncAPI 3.0 document. */
    public static final String ASYNCAPI_RESOURCE = "/asyncapi/asyncapi.yaml";

    /** One registered event. */
    public record Entry(String type, Class<? extends Record> payloadType, String topic, boolean publicEvent) {
        public Entry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(payloadType, "payloadType");
            Objects.requireNonNull(topic, "topic");
        }
    }

    private static final Map<String, Entry> BY_TYPE = index(List.of(
            internal(EventTypes.CASE_RECEIVED, CaseReceived.class, Topics.CASES),
            internal(EventTypes.CASE_CLASSIFIED, CaseClassified.class, Topics.CASES),
            internal(EventTypes.CASE_ACCEPTED, CaseAccepted.class, Topics.CASES),
            internal(EventTypes.CASE_REJECTED, CaseRejected.class, Topics.CASES),
            internal(EventTypes.CASE_ASSIGNED, CaseAssigned.class, Topics.CASES),
            internal(EventTypes.CASE_EXTENDED, CaseExtended.class, Topics.CASES),
            internal(EventTypes.CASE_TRANSFERRED, CaseTransferred.class, Topics.CASES),
            internal(EventTypes.CASE_RESOLVED, CaseResolved.class, Topics.CASES),
            internal(EventTypes.CASE_ESCALATED, CaseEscalated.class, Topics.CASES),
            internal(EventTypes.CASE_CLOSED, CaseClosed.class, Topics.CASES),
            internal(EventTypes.CASE_OVERDUE, CaseOverdue.class, Topics.CASES),
            internal(EventTypes.CASE_WATCHLISTED, CaseWatchlisted.class, Topics.CASES),
            internal(EventTypes.CASE_PROGRESS_REPORTED, CaseProgressReported.class, Topics.CASES),
            internal(EventTypes.CASE_PAUSED, CasePaused.class, Topics.CASES),
            internal(EventTypes.CASE_RESUMED, CaseResumed.class, Topics.CASES),
            internal(EventTypes.CASE_WITHDRAWN, CaseWithdrawn.class, Topics.CASES),
            internal(EventTypes.CASE_DENOUNCER_NOTIFIED, CaseDenouncerNotified.class, Topics.CASES),
            internal(EventTypes.CASE_LINKED, CaseLinked.class, Topics.CASES),
            internal(EventTypes.INSPECTION_PLAN_APPROVED, InspectionPlanApproved.class, Topics.INSPECTIONS),
            internal(EventTypes.INSPECTION_OPENED, InspectionOpened.class, Topics.INSPECTIONS),
            internal(EventTypes.INSPECTION_EXTENDED, InspectionExtended.class, Topics.INSPECTIONS),
            internal(EventTypes.INSPECTION_CONCLUDED, InspectionConcluded.class, Topics.INSPECTIONS),
            internal(EventTypes.INSPECTION_RECOVERY_RECORDED, InspectionRecoveryRecorded.class, Topics.INSPECTIONS),
            internal(EventTypes.INSPECTION_FOLLOW_UP_CLOSED, InspectionFollowUpClosed.class, Topics.INSPECTIONS),
            internal(EventTypes.INSPECTION_OVERLAP_DETECTED, InspectionOverlapDetected.class, Topics.INSPECTIONS),
            internal(EventTypes.DECLARATION_SUBMITTED, DeclarationSubmitted.class, Topics.DECLARATIONS),
            internal(EventTypes.DECLARATION_FLAGGED, DeclarationFlagged.class, Topics.DECLARATIONS),
            internal(EventTypes.DECLARATION_VERIFICATION_SELECTED, DeclarationVerificationSelected.class,
                    Topics.DECLARATIONS),
            internal(EventTypes.DECLARATION_VERIFIED, DeclarationVerified.class, Topics.DECLARATIONS),
            internal(EventTypes.REPORT_PUBLISHED, ReportPublished.class, Topics.REPORTS),
            internal(EventTypes.REFERENCE_INSPECTION_BODY_CHANGED, InspectionBodyChanged.class, Topics.REFERENCE),
            internal(EventTypes.REFERENCE_CALENDAR_LOADED, CalendarLoaded.class, Topics.REFERENCE),
            internal(EventTypes.REFERENCE_COMPLAINT_RULE_SET_ADDED, ComplaintRuleSetAdded.class, Topics.REFERENCE),
            internal(EventTypes.REFERENCE_DECLARATION_RULE_CHANGED, DeclarationRuleChanged.class, Topics.REFERENCE),
            publicEvent(EventTypes.PUBLIC_CASE_STATUS_CHANGED, PublicCaseStatusChanged.class, Topics.PUBLIC),
            publicEvent(EventTypes.PUBLIC_INSPECTION_CONCLUDED, PublicInspectionConcluded.class, Topics.PUBLIC)));

    private static final Map<Class<?>, Entry> BY_PAYLOAD = indexByPayload(BY_TYPE.values());

    private EventCatalog() {
    }

    /** Every registered event, in declaration order (grouped by topic). */
    public static List<Entry> all() {
        return List.copyOf(BY_TYPE.values());
    }

    /** The entry of an event type, if registered. */
    public static Optional<Entry> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The entry of an event type; unknown types throw {@link IllegalArgumentException}. */
    public static Entry entry(String type) {
        Entry entry = BY_TYPE.get(type);
        if (entry == null) {
            throw new IllegalArgumentException("unknown event type: " + type);
        }
        return entry;
    }

    /** The payload record class of an event type; unknown types throw {@link IllegalArgumentException}. */
    public static Class<? extends Record> payloadType(String type) {
        return entry(type).payloadType();
    }

    /** The topic an event type is published on; unknown types throw {@link IllegalArgumentException}. */
    public static String topicOf(String type) {
        return entry(type).topic();
    }

    /** Whether an event type is a sanitized public event; unknown types throw. */
    public static boolean isPublic(String type) {
        return entry(type).publicEvent();
    }

    /** The entry whose payload is the given record class; other classes throw {@link IllegalArgumentException}. */
    public static Entry entryFor(Class<?> payloadType) {
        Entry entry = BY_PAYLOAD.get(payloadType);
        if (entry == null) {
            throw new IllegalArgumentException("not a registered event payload: " + payloadType.getName());
        }
        return entry;
    }

    /** The entries published on one topic. */
    public static List<Entry> onTopic(String topic) {
        return BY_TYPE.values().stream().filter(e -> e.topic().equals(topic)).toList();
    }

    private static Entry internal(String type, Class<? extends Record> payloadType, String topic) {
        return new Entry(type, payloadType, topic, false);
    }

    private static Entry publicEvent(String type, Class<? extends Record> payloadType, String topic) {
        return new Entry(type, payloadType, topic, true);
    }

    private static Map<String, Entry> index(List<Entry> entries) {
        Map<String, Entry> byType = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (byType.putIfAbsent(entry.type(), entry) != null) {
                throw new IllegalStateException("event type registered twice: " + entry.type());
            }
        }
        return Collections.unmodifiableMap(byType);
    }

    private static Map<Class<?>, Entry> indexByPayload(Collection<Entry> entries) {
        Map<Class<?>, Entry> byPayload = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (byPayload.putIfAbsent(entry.payloadType(), entry) != null) {
                throw new IllegalStateException("payload record registered twice: " + entry.payloadType().getName());
            }
        }
        return Collections.unmodifiableMap(byPayload);
    }
}
