package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
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
@Transactional(Transactional.TxType.MANDATORY)
public class BodyAdministration {

    private final InspectionBodyStore store;
    private final ReferenceChanges changes;
    private final Outbox outbox;

    BodyAdministration(InspectionBodyStore store, ReferenceChanges changes, Outbox outbox) {
        this.store = store;
        this.changes = changes;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BodyView> list(LocalDate on) {
        return store.inForce(on).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BodyView get(String code) {
        return view(store.existing(code));
    }

    /** Adds a body; the same code again answers the body when every field matches, else a 409. */
    public Written<BodyView> add(AddBody request) {
        requireProvinceMatchesLevel(request.level(), request.provinceCode(), "provinceCode");
        Certainty certainty = request.certainty() == null ? Certainty.CONFIRMED : request.certainty();
        InspectionBody found = store.findById(request.code());
        if (found != null) {
            NaturalKeyMatch.compare().field("name", request.name().strip(), nameOn(found, request.validFrom()))
                    .field("level", request.level().name(), found.level)
                    .field("provinceCode", request.provinceCode(), found.provinceCode)
                    .field("validFrom", request.validFrom(), found.validFrom)
                    .field("certainty", certainty.name(), found.certainty)
                    .requireSameKeyed("body.natural-key", found.code);
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
        store.add(body);
        store.putName(body.code, body.validFrom, body.name);
        publish(body, BodyChange.ADDED, body.validFrom, request.reason(), Map.of("request", request));
        return new Written<>(true, view(body));
    }

    /** Renames a body from a date; earlier dates keep the earlier name. */
    public BodyView rename(String code, RenameBody request) {
        InspectionBody body = store.locked(code);
        String name = request.name().strip();
        if (!body.inForceOn(request.from())) {
            throw unprocessable("body-not-in-force", "from", "body.not-in-force.error", "body.not-in-force", code,
                    request.from().toString());
        }
        if (name.equals(nameOn(body, request.from()))) {
            return view(body);
        }
        store.putName(code, request.from(), name);
        body.name = nameOn(body, VietnamTime.today());
        publish(body, BodyChange.RENAMED, request.from(), request.reason(), Map.of("request", request));
        return view(body);
    }

    /** Merges a body into its successor: it ends the day before {@code from}. */
    public BodyView merge(String code, MergeBody request) {
        InspectionBody body = store.locked(code);
        if (request.into().equals(code)) {
            throw unprocessable("merge-into-itself", "into", "body.merge-into-itself.error", "body.merge-into-itself");
        }
        InspectionBody successor = store.findById(request.into());
        if (successor == null) {
            throw unprocessable("unknown-body", "into", "body.unknown.error", "body.unknown", request.into());
        }
        if (!successor.inForceOn(request.from())) {
            throw unprocessable("body-not-in-force", "into", "body.successor-not-in-force.error",
                    "body.successor-not-in-force", successor.code, request.from().toString());
        }
        LocalDate lastDay = request.from().minusDays(1);
        if (lastDay.equals(body.validTo) && request.into().equals(body.successorCode)) {
            return view(body);
        }
        body.endBefore(request.from());
        body.successorCode = successor.code;
        publish(body, BodyChange.MERGED, request.from(), request.reason(), Map.of("request", request));
        return view(body);
    }

    /** Retires a body: it ends the day before {@code from}, with no successor. */
    public BodyView retire(String code, RetireBody request) {
        InspectionBody body = store.locked(code);
        LocalDate lastDay = request.from().minusDays(1);
        if (lastDay.equals(body.validTo) && body.successorCode == null) {
            return view(body);
        }
        body.endBefore(request.from());
        publish(body, BodyChange.RETIRED, request.from(), request.reason(), Map.of("request", request));
        return view(body);
    }

    /** Confirms an entry as it stands, or corrects the fields given; it is CONFIRMED afterwards. */
    public BodyView confirm(String code, ConfirmBody request) {
        InspectionBody body = store.locked(code);
        Map<String, Object> corrected = new LinkedHashMap<>();
        String level = request.level() == null ? body.level : request.level().name();
        String province = request.level() == null && request.provinceCode() == null ? body.provinceCode
                : request.provinceCode();
        requireProvinceMatchesLevel(BodyLevel.valueOf(level), province, "provinceCode");
        LocalDate validFrom = request.validFrom() == null ? body.validFrom : request.validFrom();
        if (body.validTo != null && validFrom.isAfter(body.validTo)) {
            throw unprocessable("invalid-dates", "validFrom", "body.start-after-end.error", "body.start-after-end",
                    body.validTo.toString());
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
            store.moveName(code, body.validFrom, validFrom);
            body.validFrom = validFrom;
        }
        if (request.source() != null) {
            body.source = request.source();
        }
        if (corrected.containsKey("name")) {
            store.putName(code, firstNameFrom(code, validFrom), request.name().strip());
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

    private void publish(InspectionBody body, BodyChange change, LocalDate effectiveFrom, String reason,
            Map<String, Object> details) {
        body.version++;
        String kind = "INSPECTION_BODY_" + change.name();
        Map<String, Object> recorded = new LinkedHashMap<>(details);
        recorded.put("after", view(body));
        UUID changeId = changes.record(kind, body.code, reason, recorded);
        outbox.publish(InspectionBodyChanged.bodyIdOf(body.code).toString(),
                InspectionBodyEvents.changed(body, change, effectiveFrom, nameOn(body, effectiveFrom), changeId));
    }

    /** The name in force on {@code day}; before the body's first day, its first name. */
    private String nameOn(InspectionBody body, LocalDate day) {
        List<NameView> names = store.names(body.code);
        String name = names.isEmpty() ? body.name : names.get(0).name();
        for (NameView n : names) {
            if (!n.validFrom().isAfter(day)) {
                name = n.name();
            }
        }
        return name;
    }

    private LocalDate firstNameFrom(String code, LocalDate fallback) {
        List<NameView> names = store.names(code);
        return names.isEmpty() ? fallback : names.get(0).validFrom();
    }

    private BodyView view(InspectionBody b) {
        return new BodyView(b.code, b.name, BodyLevel.valueOf(b.level), b.provinceCode, b.validFrom, b.validTo,
                b.successorCode, Certainty.valueOf(b.certainty), b.source, b.version, store.names(b.code));
    }

    private static void requireProvinceMatchesLevel(BodyLevel level, String province, String field) {
        boolean needsProvince = level == BodyLevel.PROVINCIAL || level == BodyLevel.DISTRICT;
        if (needsProvince != (province != null)) {
            throw needsProvince
                    ? unprocessable("province-level-mismatch", field, "body.province-required.error",
                            "body.province-required", new Problem.Text("body.level." + level.name()))
                    : unprocessable("province-level-mismatch", field, "body.province-absent.error",
                            "body.province-absent", new Problem.Text("body.level." + level.name()));
        }
    }

    /** A 422 naming {@code field} ({@code errorKey}), its detail {@code detailKey} with its arguments. */
    private static ProblemException unprocessable(String slug, String field, String errorKey, String detailKey,
            Object... args) {
        return ProblemException.unprocessable(slug, List.of(Problem.FieldError.of(field, errorKey)), detailKey, args);
    }
}
