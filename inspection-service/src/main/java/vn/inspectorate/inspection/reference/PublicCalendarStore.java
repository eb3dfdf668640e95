package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.DayKind;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.DayView;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the public calendar: a year as loaded and its days. */
@ApplicationScoped
public class PublicCalendarStore {

    private static final String YEAR = "select source, decided, version from public_calendar_year where year = ?";

    private static final String DAYS = "select day, kind, occasion from public_calendar_day where year = ? order by day";

    private static final String LOCK_YEAR = "select pg_advisory_xact_lock(hashtext('public_calendar'), ?)";

    private static final String LOADED = "select 1 from public_calendar_year where year = ?";

    private static final String DELETE_DAYS = "delete from public_calendar_day where year = ?";

    private static final String INSERT_DAY = "insert into public_calendar_day (day, kind, occasion, decided, source) "
            + "values (?, ?, ?, ?, ?)";

    private static final String PUT_YEAR = """
            insert into public_calendar_year (year, source, decided, version, loaded_at) values (?, ?, ?, ?, now())
            on conflict (year) do update set source = excluded.source, decided = excluded.decided,
                version = excluded.version, loaded_at = excluded.loaded_at""";

    /** How a year was loaded: its source, whether it is decided, its version. */
    public record Year(String source, boolean decided, long version) {
    }

    private final Sql sql;

    PublicCalendarStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<Year> year(int year) {
        return sql.queryFirst(YEAR, List.of(year), rs -> new Year(rs.getString(1), rs.getBoolean(2), rs.getLong(3)));
    }

    /** The year's days that differ from the ordinary week, in order. */
    public List<DayView> days(int year) {
        return sql.query(DAYS, List.of(year), rs -> new DayView(rs.getObject(1, LocalDate.class),
                DayKind.valueOf(rs.getString(2)), rs.getString(3)));
    }

    /** Loads of one year take turns, until the transaction ends. */
    public void lockYear(int year) {
        sql.query(LOCK_YEAR, List.of(year), rs -> Boolean.TRUE);
    }

    public boolean loaded(int year) {
        return sql.queryFirst(LOADED, List.of(year), rs -> Boolean.TRUE).isPresent();
    }

    /** Replaces the year's days with {@code days} and records how the year was loaded. */
    public void replace(int year, List<DayView> days, boolean decided, String source, long version) {
        sql.update(DELETE_DAYS, List.of(year));
        sql.batch(INSERT_DAY, days.stream()
                .map(d -> List.<Object>of(d.day(), d.kind().name(), d.occasion(), decided, source)).toList());
        sql.update(PUT_YEAR, List.of(year, source, decided, version));
    }
}
