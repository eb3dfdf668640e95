package vn.inspectorate.complaints.units;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.platform.time.VietnamTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.reference.AdministrativeUnitRegister;

/**
 * Provinces as reference data with validity dates, read from this service's copy (loaded from the shared reference
 * files by migration). A case keeps the unit it was filed under; after a merger the unit that took it over is found
 * through the succession mapping (also data). The only lookup of units in this service.
 */
@ApplicationScoped
public class AdministrativeUnits {

    private final Sql sql;
    private final ReferenceSnapshot<AdministrativeUnitRegister> snapshot;

    AdministrativeUnits(Sql sql, ReferenceDataConfig config) {
        this.sql = sql;
        this.snapshot = new ReferenceSnapshot<>(config.maxAge(), this::load);
    }

    /** The next reader reads the tables again (after a change to them), not when the snapshot has aged. */
    public void reload() {
        snapshot.invalidate();
    }

    public boolean inForce(String code, LocalDate on) {
        return snapshot.get().inForce(code, on);
    }

    /** Why {@code code} cannot stand for a province on {@code on} (naming its successor); empty when it can. */
    public Optional<String> refusal(String code, LocalDate on) {
        return snapshot.get().refusal(code, on);
    }

    /** The unit that answers for {@code code} on {@code on}: itself, or its successor after a merger. */
    public String successorOn(String code, LocalDate on) {
        return snapshot.get().successorOn(code, on);
    }

    private AdministrativeUnitRegister load() {
        return new AdministrativeUnitRegister(
                sql.query("select code, name, valid_from, valid_to from administrative_unit", List.of(),
                        rs -> new AdministrativeUnitRegister.Unit(rs.getString(1), rs.getString(2),
                                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))),
                sql.query("select old_code, new_code, effective_on from administrative_unit_succession", List.of(),
                        rs -> new AdministrativeUnitRegister.Succession(rs.getString(1), rs.getString(2),
                                rs.getObject(3, LocalDate.class))));
    }

    public List<UnitView> inForceOn(LocalDate on) {
        AdministrativeUnitRegister register = snapshot.get();
        LocalDate today = VietnamTime.today();
        return register.inForceOn(on).stream().map(u -> new UnitView(u.code(), u.name(), u.validFrom(), u.validTo(),
                register.successorOn(u.code(), today))).toList();
    }

    public Optional<UnitView> find(String code, LocalDate on) {
        return inForceOn(on).stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** A unit as in force on a date, and the unit answering for it today. */
    @Schema(name = "AdministrativeUnit")
    public record UnitView(String code, String name, LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
            @Schema(nullable = true) String answeredTodayBy) {
    }
}
