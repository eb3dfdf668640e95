package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.inspectorate.contracts.reference.InspectionBodyChanged;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.AddBody;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.BodyChange;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.BodyLevel;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.BodyView;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.Certainty;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.ConfirmBody;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.MergeBody;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.NameView;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.RenameBody;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.RetireBody;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.time.VietnamTime;

/**
 * A platform admin's changes to the inspection bodies: each one is recorded ({@link ReferenceChanges}) and published on
 * {@link Topics#REFERENCE} with the body as it stands afterwards. A repeat of a change already made changes nothing and
 * records nothing.
 */
@ApplicationScoped
public class BodyAdministration {

    /** The zone whose date decides which name is in force today. */

    private final EntityManager em;
    private final ReferenceChanges changes;
    private final Outbox outbox;

    BodyAdministration(EntityManager em, ReferenceChanges changes, Outbox outbox) {
        this.em = em;
        this.changes = changes;
        this.outbox = outbox;
    }

    public List<BodyView> list(LocalDate on) {
        List<InspectionBody> bodies = on == null
                ? InspectionBody.list("order by code")
                : InspectionBody.list("validFrom <= ?1 and (validTo is null or validTo >= ?1) order by code", on);
        return bodies.stream().map(this::view).toList();
    }

    public BodyView get(String code) {
        return view(existing(code));
    }

    /** Adds a body; the same code again answers the body when every field matches, else a 409. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written<BodyView> add(AddBody request) {
        requireProvinceMatchesLevel(request.level(), request.provinceCode(), "provinceCode");
        Certainty certainty = request.certainty() == null ? Certainty.CONFIRMED : request.certainty();
        InspectionBody found = InspectionBody.findById(request.code());
        if (found != null) {
            NaturalKeyMatch.compare().field("name", request.name().strip(), nameOn(found, request.validFrom()))
                    .field("level", request.level().name(), found.level)
                    .field("provinceCode", request.provinceCode(), found.provinceCode)
                    .field("validFrom", request.validFrom(), found.validFrom)
                    .field("certainty", certainty.name(), found.certainty)
                    .requireSame("An inspection body", "code", found.code);
            return new Written<>(false, view(found));
        }
        InspectionBody body = new InspectionBody();
        body.code = request.code();
        body.name = request.name().strip();
        body.level = request.level().name();
        body.provinceCode = request.provinceCode();
        body.validFrom = request.validFrom();
        body.certainty = certainty.name();
        body.source = request.source();
        body.version = 0;  // publishing counts the addition: version 1
        body.persist();
        em.flush();
        putName(body.code, body.validFrom, body.name);
        publish(body, BodyChange.ADDED, body.validFrom, request.reason(), Map.of("request", request));
        return new Written<>(true, view(body));
    }

    /** Renames a body from a date; earlier dates keep the earlier name. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BodyView rename(String code, RenameBody request) {
        InspectionBody body = locked(code);
        String name = request.name().strip();
        if (!body.inForceOn(request.from())) {
            throw unprocessable("body-not-in-force", "Inspection body " + code + " is not in force on "
                    + request.from() + ".", "from", "the body is not in force on this date");
        }
        if (name.equals(nameOn(body, request.from()))) {
            return view(body);
        }
        putName(code, request.from(), name);
        body.name = nameOn(body, VietnamTime.today());
        publish(body, BodyChange.RENAMED, request.from(), request.reason(), Map.of("request", request));
        return view(body);
    }

    /** Merges a body into its successor: it ends the day before {@code from}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BodyView merge(String code, MergeBody request) {
        InspectionBody body = locked(code);
        if (request.into().equals(code)) {
            throw unprocessable("merge-into-itself", "A body cannot be merged into itself.", "into",
                    "must be another body");
        }
        InspectionBody successor = InspectionBody.findById(request.into());
        if (successor == null) {
            throw unprocessable("unknown-body", "No inspection body has code '" + request.into() + "'.", "into",
                    "unknown inspection body code");
        }
        if (!successor.inForceOn(request.from())) {
            throw unprocessable("body-not-in-force", "The successor " + successor.code + " is not in force on "
                    + request.from() + ".", "into", "the successor is not in force on this date");
        }
        LocalDate lastDay = request.from().minusDays(1);
        if (lastDay.equals(body.validTo) && request.into().equals(body.successorCode)) {
            return view(body);
        }
        end(body, lastDay, request.from());
        body.successorCode = successor.code;
        publish(body, BodyChange.MERGED, request.from(), request.reason(), Map.of("request", request));
        return view(body);
    }

    /** Retires a body: it ends the day before {@code from}, with no successor. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BodyView retire(String code, RetireBody request) {
        InspectionBody body = locked(code);
        LocalDate lastDay = request.from().minusDays(1);
        if (lastDay.equals(body.validTo) && body.successorCode == null) {
            return view(body);
        }
        end(body, lastDay, request.from());
        publish(body, BodyChange.RETIRED, request.from(), request.reason(), Map.of("request", request));
        return view(body);
    }

    /** Confirms an entry as it stands, or corrects the fields given; it is CONFIRMED afterwards. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BodyView confirm(String code, ConfirmBody request) {
        InspectionBody body = locked(code);
        Map<String, Object> corrected = new LinkedHashMap<>();
        String level = request.level() == null ? body.level : request.level().name();
        String province = request.level() == null && request.provinceCode() == null ? body.provinceCode
                : request.provinceCode();
        requireProvinceMatchesLevel(BodyLevel.valueOf(level), province, "provinceCode");
        LocalDate validFrom = request.validFrom() == null ? body.validFrom : request.validFrom();
        if (body.validTo != null && validFrom.isAfter(body.validTo)) {
            throw unprocessable("invalid-dates", "A body cannot start after its last day " + body.validTo + ".",
                    "validFrom", "after the body's last day");
        }
        correct(corrected, "level", body.level, level);
        correct(corrected, "provinceCode", body.provinceCode, province);
        correct(corrected, "validFrom", body.validFrom, validFrom);
        if (request.source() != null) {
            correct(corrected, "source", body.source, request.source());
        }
        if (request.name() != null && !request.name().strip().equals(nameOn(body, validFrom))) {
            corrected.put("name", request.name().strip());
        }
        boolean wasConfirmed = Certainty.CONFIRMED.name().equals(body.certainty);
        if (corrected.isEmpty() && wasConfirmed) {
            return view(body);
        }
        body.level = level;
        body.provinceCode = province;
        if (!validFrom.equals(body.validFrom)) {
            em.createNativeQuery("update inspection_body_name set valid_from = ?1 where body_code = ?2 "
                    + "and valid_from = ?3").setParameter(1, validFrom).setParameter(2, code)
                    .setParameter(3, body.validFrom).executeUpdate();
            body.validFrom = validFrom;
        }
        if (request.source() != null) {
            body.source = request.source();
        }
        if (corrected.containsKey("name")) {
            putName(code, firstNameFrom(code, validFrom), request.name().strip());
            body.name = nameOn(body, VietnamTime.today());
        }
        body.certainty = Certainty.CONFIRMED.name();
        publish(body, corrected.isEmpty() ? BodyChange.CONFIRMED : BodyChange.CORRECTED, body.validFrom,
                request.reason(), Map.of("request", request, "corrected", corrected));
        return view(body);
    }

    private static void correct(Map<String, Object> corrected, String field, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            corrected.put(field, now);
        }
    }

    private void end(InspectionBody body, LocalDate lastDay, LocalDate from) {
        if (body.validTo != null) {
            throw ProblemException.conflict("body-already-ended", "Inspection body " + body.code + " already ended on "
                    + body.validTo + (body.successorCode == null ? "" : " (merged into " + body.successorCode + ")")
                    + "; correct it by confirmation rather than ending it again.", Map.of("validTo",
                    body.validTo.toString()));
        }
        if (!from.isAfter(body.validFrom)) {
            throw unprocessable("invalid-dates", "Inspection body " + body.code + " starts on " + body.validFrom
                    + "; it can end only after that day.", "from", "must be after the body's first day");
        }
        body.validTo = lastDay;
    }

    private void publish(InspectionBody body, BodyChange change, LocalDate effectiveFrom, String reason,
            Map<String, Object> details) {
        body.version++;
        String kind = "INSPECTION_BODY_" + change.name();
        Map<String, Object> recorded = new LinkedHashMap<>(details);
        recorded.put("after", view(body));
        UUID changeId = changes.record(kind, body.code, reason, recorded);
        UUID bodyId = InspectionBodyChanged.bodyIdOf(body.code);
        outbox.publish(bodyId.toString(),
                new InspectionBodyChanged(bodyId, body.version, OffsetDateTime.now(ZoneOffset.UTC), changeId,
                        change.name(), effectiveFrom, body.code, nameOn(body, effectiveFrom), body.level,
                        body.provinceCode, body.validFrom, body.validTo, body.successorCode, body.certainty));
    }

    private InspectionBody existing(String code) {
        if (code == null || !code.matches(ReferenceAdminApi.CODE_PATTERN)) {
            // no body has such a code (and a NUL byte must never reach the database)
            throw ProblemException.notFound("Inspection body " + code);
        }
        InspectionBody body = InspectionBody.findById(code);
        if (body == null) {
            throw ProblemException.notFound("Inspection body " + code);
        }
        return body;
    }

    private InspectionBody locked(String code) {
        if (code == null || !code.matches(ReferenceAdminApi.CODE_PATTERN)) {
            // no body has such a code (and a NUL byte must never reach the database)
            throw ProblemException.notFound("Inspection body " + code);
        }
        InspectionBody body = InspectionBody.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (body == null) {
            throw ProblemException.notFound("Inspection body " + code);
        }
        return body;
    }

    private void putName(String code, LocalDate from, String name) {
        em.createNativeQuery("""
                insert into inspection_body_name (body_code, valid_from, name) values (?1, ?2, ?3)
                on conflict (body_code, valid_from) do update set name = excluded.name""")
                .setParameter(1, code).setParameter(2, from).setParameter(3, name).executeUpdate();
    }

    /** The name in force on {@code day}; before the body's first day, its first name. */
    String nameOn(InspectionBody body, LocalDate day) {
        List<NameView> names = names(body.code);
        String name = names.isEmpty() ? body.name : names.get(0).name();
        for (NameView n : names) {
            if (!n.validFrom().isAfter(day)) {
                name = n.name();
            }
        }
        return name;
    }

    private LocalDate firstNameFrom(String code, LocalDate fallback) {
        List<NameView> names = names(code);
        return names.isEmpty() ? fallback : names.get(0).validFrom();
    }

    @SuppressWarnings("unchecked")
    private List<NameView> names(String code) {
        List<Object[]> rows = em.createNativeQuery("select valid_from, name from inspection_body_name "
                + "where body_code = ?1 order by valid_from").setParameter(1, code).getResultList();
        return rows.stream().map(r -> new NameView(r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0],
                (String) r[1])).toList();
    }

    private BodyView view(InspectionBody b) {
        return new BodyView(b.code, b.name, BodyLevel.valueOf(b.level), b.provinceCode, b.validFrom, b.validTo,
                b.successorCode, Certainty.valueOf(b.certainty), b.source, b.version, names(b.code));
    }

    private static void requireProvinceMatchesLevel(BodyLevel level, String province, String field) {
        boolean needsProvince = level == BodyLevel.PROVINCIAL || level == BodyLevel.DISTRICT;
        if (needsProvince != (province != null)) {
            throw unprocessable("province-level-mismatch", needsProvince
                    ? "A " + level.name().toLowerCase() + " body belongs to a province; give its provinceCode."
                    : "A " + level.name().toLowerCase() + " body has no province.", field,
                    needsProvince ? "required for this level" : "must be absent for this level");
        }
    }

    private static ProblemException unprocessable(String slug, String detail, String field, String message) {
        return ProblemException.unprocessable(slug, detail, List.of(new Problem.FieldError(field, message)));
    }
}
