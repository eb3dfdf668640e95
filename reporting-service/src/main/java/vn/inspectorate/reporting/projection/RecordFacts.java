package vn.inspectorate.reporting.projection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.reporting.figures.Figure;

/** Helpers shared by the folds: optional payload values and collecting contributions under fixed dimensions. */
final class RecordFacts {

    /** Business days are Vietnamese calendar days. */
    static final ZoneId ZONE = VietnamTime.ZONE;

    private RecordFacts() {
    }

    /** The day an event happened in Vietnam, from its {@code occurredAt}. */
    static LocalDate occurredOn(OffsetDateTime occurredAt) {
        return occurredAt == null ? null : occurredAt.atZoneSameInstant(ZONE).toLocalDate();
    }

    /** {@code value}, or {@code otherwise} when it is absent. */
    static <T> T orElse(T value, T otherwise) {
        return value != null ? value : otherwise;
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
