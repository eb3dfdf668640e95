package vn.inspectorate.complaints.units;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.platform.sql.Sql;

/**
 * The units designated as remote areas with difficult travel, dated, from this service's copy of the shared
 * reference file ({@code remote-areas.csv}): a case's remote flag is derived from its unit on its receipt date.
 * Read whole and kept a while, as intake asks for every case of a batch.
 */
@ApplicationScoped
public class RemoteAreas {

    /** Unit {@code unitCode} is a remote area from {@code validFrom} to {@code validTo} (the last day; null: open). */
    record Designation(String unitCode, LocalDate validFrom, LocalDate validTo) {
        boolean covers(String code, LocalDate day) {
            return unitCode.equals(code) && !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    private final ReferenceSnapshot<List<Designation>> snapshot;

    RemoteAreas(Sql sql, ReferenceDataConfig config) {
        this.snapshot = new ReferenceSnapshot<>(config.maxAge(), () -> sql.query(
                "select unit_code, valid_from, valid_to from remote_area order by unit_code, valid_from", List.of(),
                rs -> new Designation(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))));
    }

    /** Whether unit {@code unitCode} was designated a remote area on {@code day}. */
    public boolean designated(String unitCode, LocalDate day) {
        return snapshot.get().stream().anyMatch(d -> d.covers(unitCode, day));
    }

    /** The next reader reads the table again (after a change to it). */
    public void reload() {
        snapshot.invalidate();
    }
}
