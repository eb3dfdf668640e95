package vn.inspectorate.inspection.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.NameView;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reference.InspectionBodyRegister;

/** All SQL of the inspection bodies and their dated names. */
@ApplicationScoped
public class InspectionBodyStore implements PanacheRepositoryBase<InspectionBody, String> {

    private static final String PUT_NAME = """
            insert into inspection_body_name (body_code, valid_from, name) values (?, ?, ?)
            on conflict (body_code, valid_from) do update set name = excluded.name""";

    private static final String MOVE_NAME = """
            update inspection_body_name set valid_from = ? where body_code = ? and valid_from = ?""";

    private static final String NAMES = """
            select valid_from, name from inspection_body_name where body_code = ? order by valid_from""";

    private static final String REGISTER = """
            select code, name, level, province_code, valid_from, valid_to, successor_code, certainty
            from inspection_body""";

    private final Sql sql;

    InspectionBodyStore(Sql sql) {
        this.sql = sql;
    }

    /** Every body, or those in force on {@code on}, by code. */
    public List<InspectionBody> inForce(LocalDate on) {
        return on == null
                ? list("order by code")
                : list("validFrom <= ?1 and (validTo is null or validTo >= ?1) order by code", on);
    }

    /** The body of {@code code}; 404 when there is none. */
    public InspectionBody existing(String code) {
        return found(code, false);
    }

    /** The body of {@code code}, locked for a change; 404 when there is none. */
    public InspectionBody locked(String code) {
        return found(code, true);
    }

    private InspectionBody found(String code, boolean lock) {
        if (code == null || !code.matches(ReferenceAdminApi.CODE_PATTERN)) {
            // no body has such a code (and a NUL byte must never reach the database)
            throw ProblemException.keyed(404, "not-found", "body.not-found", String.valueOf(code));
        }
        InspectionBody body = lock ? findById(code, LockModeType.PESSIMISTIC_WRITE) : findById(code);
        if (body == null) {
            throw ProblemException.keyed(404, "not-found", "body.not-found", String.valueOf(code));
        }
        return body;
    }

    /** Adds a new body, written at once so that its names can refer to it. */
    public void add(InspectionBody body) {
        persistAndFlush(body);
    }

    /** The body's name from {@code from}, replacing one given from the same day. */
    public void putName(String code, LocalDate from, String name) {
        getEntityManager().flush();
        sql.update(PUT_NAME, List.of(code, from, name));
    }

    /** Moves the name given from {@code was} to start on {@code from}. */
    public void moveName(String code, LocalDate was, LocalDate from) {
        getEntityManager().flush();
        sql.update(MOVE_NAME, List.of(from, code, was));
    }

    /** The body's names, each from its first day, in order. */
    public List<NameView> names(String code) {
        return sql.query(NAMES, List.of(code), rs -> new NameView(rs.getObject(1, LocalDate.class), rs.getString(2)));
    }

    /** Every body as the table holds it now, for the dated checks. */
    public InspectionBodyRegister register() {
        return new InspectionBodyRegister(sql.query(REGISTER, List.of(), rs -> new InspectionBodyRegister.Body(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8))));
    }
}
