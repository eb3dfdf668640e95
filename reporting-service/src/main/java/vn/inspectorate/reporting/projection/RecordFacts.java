package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.reporting.figures.Figure;

/** Helpers shared by the folds: reading optional payload fields and collecting contributions under fixed dimensions. */
final class RecordFacts {

    /** Business days are Vietnamese calendar days. */
    static final ZoneId ZONE = VietnamTime.ZONE;

    private RecordFacts() {
    }

    static String text(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static LocalDate date(JsonNode data, String field) {
        String s = text(data, field);
        return s == null ? null : LocalDate.parse(s);
    }

    /** The day an event happened in Vietnam, from its {@code occurredAt}. */
    static LocalDate occurredOn(JsonNode data) {
        String s = text(data, "occurredAt");
        return s == null ? null : OffsetDateTime.parse(s).atZoneSameInstant(ZONE).toLocalDate();
    }

    static long number(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? 0 : n.asLong();
    }

    static boolean flag(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n != null && n.asBoolean(false);
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Collects contributions under one record's dimensions. */
    static final class Collector {
        private final String province;
        private final String body;
        private final String sector;
        private final String kind;
        private final List<Contribution> items = new ArrayList<>();

        Collector(String province, String body, String sector, String kind) {
            this.province = orEmpty(province);
            this.body = orEmpty(body);
            this.sector = orEmpty(sector);
            this.kind = orEmpty(kind);
        }

        Collector add(Figure figure, LocalDate day, long value) {
            return add(figure, day, value, kind);
        }

        /** A contribution whose kind differs from the record's (e.g. a red-flag rule id). */
        Collector add(Figure figure, LocalDate day, long value, String ownKind) {
            if (day != null && value != 0) {
                items.add(new Contribution(figure.code(), province, body, sector, orEmpty(ownKind), day, value));
            }
            return this;
        }

        List<Contribution> items() {
            return items;
        }
    }
}
