package vn.inspectorate.contracts.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A monthly, quarterly, six-monthly or yearly report was published from a snapshot reflecting the listed offsets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportPublished(
        UUID reportId,
        long version,
        OffsetDateTime occurredAt,
        String periodKind,
        String periodCalendar,
        LocalDate periodStart,
        LocalDate periodEnd,
        String scope,
        String scopeCode,
        UUID snapshotId,
        List<TopicOffset> offsetsReflected) {

    /** The next offset to read on one topic partition: every event before it is reflected in the report. */
    public record TopicOffset(String topic, int partition, long offset) {
    }
}
