package vn.inspectorate.reporting.projection;

import java.time.LocalDate;

/** What one record adds to one figure on one day, under its dimensions (empty string: not known). */
public record Contribution(String figure, String provinceCode, String bodyCode, String sector, String kind,
        LocalDate day, long value) {

    /** The row key, without the value. */
    public Key key() {
        return new Key(figure, provinceCode, bodyCode, sector, kind, day);
    }

    public record Key(String figure, String provinceCode, String bodyCode, String sector, String kind, LocalDate day)
            implements Comparable<Key> {

        /** The same key on another day (the first day of its month or year, for the roll-ups). */
        public Key withDay(LocalDate other) {
            return new Key(figure, provinceCode, bodyCode, sector, kind, other);
        }

        @Override
        public int compareTo(Key o) {
            int c = figure.compareTo(o.figure);
            if (c == 0) c = day.compareTo(o.day);
            if (c == 0) c = provinceCode.compareTo(o.provinceCode);
            if (c == 0) c = bodyCode.compareTo(o.bodyCode);
            if (c == 0) c = sector.compareTo(o.sector);
            if (c == 0) c = kind.compareTo(o.kind);
            return c;
        }
    }
}
