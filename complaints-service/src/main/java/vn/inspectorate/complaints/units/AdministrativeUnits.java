package vn.inspectorate.complaints.units;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.platform.reference.AdministrativeUnitTables;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.platform.time.VietnamTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.reference.AdministrativeUnitRegister;
import vn.inspectorate.reference.Refusal;

/**
 * Provinces as reference data with validity dates, read from this service's copy (loaded from the shared reference
 * files by migration). A case keeps the unit it was filed under; after a merger the unit that took it over is found
 * through the succession mapping (also data). The only lookup of units in this service.
 */
@ApplicationScoped
public class AdministrativeUnits {

    private final ReferenceSnapshot<AdministrativeUnitRegister> snapshot;

    AdministrativeUnits(AdministrativeUnitTables tables, ReferenceDataConfig config) {
        this.snapshot = new ReferenceSnapshot<>(config.maxAge(), tables::register);
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

    /** {@link #refusal} as the key of its text in the platform's messages and its arguments. */
    public Optional<Refusal> refusalReason(String code, LocalDate on) {
        return snapshot.get().refusalReason(code, on);
    }

    /** The unit that answers for {@code code} on {@code on}: itself, or its successor after a merger. */
    public String successorOn(String code, LocalDate on) {
        return snapshot.get().successorOn(code, on);
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
