package vn.inspectorate.complaints.units;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.inspectorate.complaints.reference.ReferenceDataConfig;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reference.InspectionBodyRegister;
import vn.inspectorate.reference.InspectionBodyRegister.Body;

/**
 * The inspection bodies with their dates, read from this service's copy of the shared reference file: where a case
 * may be transferred to (a body known and in force on the day, in a province) and which body stands above another
 * (a provincial inspectorate over the bodies of its province, the Government Inspectorate over all).
 */
@ApplicationScoped
public class InspectionBodies {

    public static final String CENTRAL = "CENTRAL";
    public static final String PROVINCIAL = "PROVINCIAL";

    private final ReferenceSnapshot<InspectionBodyRegister> snapshot;
    private final Sql sql;

    InspectionBodies(Sql sql, ReferenceDataConfig config) {
        this.sql = sql;
        this.snapshot = new ReferenceSnapshot<>(config.maxAge(), this::load);
    }

    public Optional<Body> find(String code) {
        return snapshot.get().find(code);
    }

    /** Why {@code code} cannot receive a case on {@code on} (it ended, naming its successor, or was not yet set up). */
    public Optional<String> refusal(String code, LocalDate on) {
        return snapshot.get().refusal(code, on);
    }

    /** {@link #refusal} as a message key and its arguments, for the caller's language. */
    public Optional<vn.inspectorate.reference.Refusal> refusalReason(String code, LocalDate on) {
        return snapshot.get().refusalReason(code, on);
    }

    /**
     * Whether the body {@code readerCode} is {@code bodyCode} itself or stands above it for a case of
     * {@code caseProvince}: the Government Inspectorate over every body, a provincial inspectorate over every body
     * handling that province's cases (its departments, districts and the province's own bodies).
     */
    public boolean isOrIsAbove(String readerCode, String bodyCode, String caseProvince) {
        if (readerCode == null) {
            return false;
        }
        if (readerCode.equals(bodyCode)) {
            return true;
        }
        return find(readerCode).map(reader -> CENTRAL.equals(reader.level())
                || PROVINCIAL.equals(reader.level()) && reader.provinceCode() != null
                        && reader.provinceCode().equals(caseProvince)).orElse(false);
    }

    private InspectionBodyRegister load() {
        List<Body> bodies = sql.query("""
                select code, name, level, province_code, valid_from, valid_to, successor_code, certainty
                from inspection_body""", List.of(),
                rs -> new Body(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getString(8)));
        return new InspectionBodyRegister(bodies);
    }
}
