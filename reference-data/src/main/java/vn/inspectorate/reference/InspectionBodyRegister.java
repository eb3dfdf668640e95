package vn.inspectorate.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inspection bodies over time: whether a body was in force on a date and, when it was not, the body that
 * succeeded it. Immutable; a service builds a new one when its table changes.
 */
public final class InspectionBodyRegister {

    /** A body in force from {@code validFrom} to {@code validTo} (the last day; null while in force). */
    public record Body(String code, String name, String level, String provinceCode, LocalDate validFrom,
            LocalDate validTo, String successorCode, String certainty) {
        public boolean inForceOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    private final Map<String, Body> byCode;

    public InspectionBodyRegister(List<Body> bodies) {
        this.byCode = bodies.stream().collect(Collectors.toUnmodifiableMap(Body::code, Function.identity()));
    }

    /** The register of the shared file as shipped. */
    public static InspectionBodyRegister fromFile() {
        return new InspectionBodyRegister(ReferenceFile.read(ReferenceTables.INSPECTION_BODIES_FILE).rows().stream()
                .map(r -> new Body(r.get("code"), r.get("name"), r.get("level"), r.optional("province_code").orElse(null),
                        r.date("valid_from"), r.optionalDate("valid_to").orElse(null),
                        r.optional("successor_code").orElse(null), r.get("certainty"))).toList());
    }

    public Optional<Body> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public List<Body> bodies() {
        return List.copyOf(byCode.values());
    }

    /** The body in force on {@code day} that took over {@code code}'s work: itself, or its successors followed. */
    public Optional<Body> inForceSuccessor(String code, LocalDate day) {
        Body body = byCode.get(code);
        for (int hops = 0; body != null && hops < 10; hops++) {
            if (body.inForceOn(day)) {
                return Optional.of(body);
            }
            body = body.successorCode() == null ? null : byCode.get(body.successorCode());
        }
        return Optional.empty();
    }

    /**
     * Why {@code code} cannot act on {@code day}, for a problem's detail; empty when it can (or is unknown: the
     * caller answers that). A body that ended names the body in force that succeeded it, if any.
     */
    public Optional<String> refusal(String code, LocalDate day) {
        Body body = byCode.get(code);
        if (body == null || body.inForceOn(day)) {
            return Optional.empty();
        }
        String when = body.validFrom().isAfter(day) ? "was set up on " + body.validFrom()
                : "ended on " + body.validTo();
        String detail = "Inspection body " + code + " (" + body.name() + ") was not in force on " + day + ": it "
                + when + ".";
        Optional<Body> successor = body.validFrom().isAfter(day) ? Optional.empty()
                : inForceSuccessor(code, day).filter(s -> !s.code().equals(code));
        return Optional.of(successor.map(s -> detail + " Its successor is " + s.code() + " (" + s.name() + ").")
                .orElse(detail));
    }

    /** {@link #refusal} as a {@link Refusal}: the key of its text in the platform's messages and its arguments. */
    public Optional<Refusal> refusalReason(String code, LocalDate day) {
        Body body = byCode.get(code);
        if (body == null || body.inForceOn(day)) {
            return Optional.empty();
        }
        if (body.validFrom().isAfter(day)) {
            return Optional.of(Refusal.of("register.body.not-yet", code, body.name(), day, body.validFrom()));
        }
        return Optional.of(inForceSuccessor(code, day).filter(s -> !s.code().equals(code))
                .map(s -> Refusal.of("register.body.ended-successor", code, body.name(), day, body.validTo(),
                        s.code(), s.name()))
                .orElseGet(() -> Refusal.of("register.body.ended", code, body.name(), day, body.validTo())));
    }
}
