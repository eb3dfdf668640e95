package vn.inspectorate.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The provincial-level units over time and their succession, as one service's copy holds them: answers whether a code
 * names a unit in force on a date and which unit answers for it on another. Immutable; a service builds a new one
 * when its table changes.
 */
public final class AdministrativeUnitRegister {

    /** A unit in force from {@code validFrom} to {@code validTo} (the last day; null while in force). */
    public record Unit(String code, String name, LocalDate validFrom, LocalDate validTo) {
        public boolean inForceOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    /** From {@code effectiveOn}, what was filed under {@code oldCode} is answered for by {@code newCode}. */
    public record Succession(String oldCode, String newCode, LocalDate effectiveOn) {
    }

    private final List<Unit> units;
    private final Map<String, List<Succession>> successionsByOldCode;

    public AdministrativeUnitRegister(List<Unit> units, List<Succession> successions) {
        this.units = List.copyOf(units);
        this.successionsByOldCode = successions.stream().collect(Collectors.groupingBy(Succession::oldCode));
    }

    /** The register of the shared files as shipped (a service's own copy may since have been changed by an admin). */
    public static AdministrativeUnitRegister fromFiles() {
        List<Unit> units = ReferenceFile.read(ReferenceTables.ADMINISTRATIVE_UNITS_FILE).rows().stream()
                .map(r -> new Unit(r.get("code"), r.get("name"), r.date("valid_from"),
                        r.optionalDate("valid_to").orElse(null))).toList();
        List<Succession> successions = ReferenceFile.read(ReferenceTables.SUCCESSIONS_FILE).rows().stream()
                .map(r -> new Succession(r.get("old_code"), r.get("new_code"), r.date("effective_on"))).toList();
        return new AdministrativeUnitRegister(units, successions);
    }

    public List<Unit> units() {
        return units;
    }

    /** True when the code names a unit that exists or ever existed. */
    public boolean known(String code) {
        return units.stream().anyMatch(u -> u.code().equals(code));
    }

    public boolean inForce(String code, LocalDate day) {
        return unitOn(code, day).isPresent();
    }

    public Optional<Unit> unitOn(String code, LocalDate day) {
        return units.stream().filter(u -> u.code().equals(code) && u.inForceOn(day)).findFirst();
    }

    public List<Unit> inForceOn(LocalDate day) {
        return units.stream().filter(u -> u.inForceOn(day)).sorted(Comparator.comparing(Unit::code)).toList();
    }

    /** The name of the unit on {@code day}, else its latest name, else the code itself. */
    public String name(String code, LocalDate day) {
        return unitOn(code, day).or(() -> units.stream().filter(u -> u.code().equals(code))
                .max(Comparator.comparing(Unit::validFrom))).map(Unit::name).orElse(code);
    }

    /** The unit that answers for {@code code} on {@code day}: itself, or its successor (followed) after a merger. */
    public String successorOn(String code, LocalDate day) {
        String current = code;
        for (int hops = 0; hops < 10; hops++) {
            Succession latest = null;
            for (Succession s : successionsByOldCode.getOrDefault(current, List.of())) {
                if (!s.effectiveOn().isAfter(day) && !s.newCode().equals(s.oldCode())
                        && (latest == null || s.effectiveOn().isAfter(latest.effectiveOn()))) {
                    latest = s;
                }
            }
            if (latest == null) {
                return current;
            }
            current = latest.newCode();
        }
        return current;
    }

    /**
     * Why {@code code} cannot stand for a province on {@code day}, for a problem's field message; empty when it can.
     * A unit merged away before that day names the unit that took it over.
     */
    public Optional<String> refusal(String code, LocalDate day) {
        if (code == null || inForce(code, day)) {
            return Optional.empty();
        }
        if (!known(code)) {
            return Optional.of("unknown province code " + code);
        }
        String successor = successorOn(code, day);
        if (!successor.equals(code)) {
            return Optional.of(code + " (" + name(code, day) + ") was not a province on " + day + ": it is part of "
                    + successor + " (" + name(successor, day) + ") since " + mergedOn(code).orElse(day));
        }
        return Optional.of(code + " (" + name(code, day) + ") was not a province on " + day);
    }

    /** {@link #refusal} as a {@link Refusal}: the key of its text in the platform's messages and its arguments. */
    public Optional<Refusal> refusalReason(String code, LocalDate day) {
        if (code == null || inForce(code, day)) {
            return Optional.empty();
        }
        if (!known(code)) {
            return Optional.of(Refusal.of("register.province.unknown", code));
        }
        String successor = successorOn(code, day);
        if (!successor.equals(code)) {
            return Optional.of(Refusal.of("register.province.merged", code, name(code, day), day, successor,
                    name(successor, day), mergedOn(code).orElse(day)));
        }
        return Optional.of(Refusal.of("register.province.not-in-force", code, name(code, day), day));
    }

    private Optional<LocalDate> mergedOn(String code) {
        return successionsByOldCode.getOrDefault(code, List.of()).stream()
                .filter(s -> !s.newCode().equals(s.oldCode())).map(Succession::effectiveOn).min(LocalDate::compareTo);
    }

    /** Every code that rolls up to {@code currentCode} on {@code day}, the code itself included. */
    public List<String> filedCodesOf(String currentCode, LocalDate day) {
        List<String> codes = new ArrayList<>(units.stream().map(Unit::code).distinct()
                .filter(c -> successorOn(c, day).equals(currentCode)).sorted().toList());
        if (!codes.contains(currentCode)) {
            codes.add(currentCode);
        }
        return codes;
    }
}
