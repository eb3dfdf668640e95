package vn.inspectorate.declarations.redflags;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The logic of each red-flag rule, by rule id. Thresholds come from the rule's row in {@code red_flag_rule}
 * (its {@code params}), so a new version with other numbers needs no code. Each returns the figures that raised the
 * flag, or empty when the declaration passes. Products are computed exactly (no overflow, no floating point).
 */
final class RedFlagRules {

    static final Map<String, BiFunction<DeclarationFigures, JsonNode, Optional<Map<String, Object>>>> LOGIC = Map.ofEntries(
            Map.entry("MONETARY_OVER_INCOME", (f, p) -> {
                long multiple = param(p, "multiple");
                return when(greater(f.monetaryVnd(), 1, multiple, f.incomeVnd()),
                        "monetaryVnd", f.monetaryVnd(), "incomeVnd", f.incomeVnd(), "multiple", multiple);
            }),
            Map.entry("LIABILITIES_OVER_MEANS", (f, p) -> {
                long multiple = param(p, "multiple");
                long means = Math.addExact(f.incomeVnd(), f.assetsVnd());
                return when(greater(f.liabilitiesVnd(), 1, multiple, means),
                        "liabilitiesVnd", f.liabilitiesVnd(), "incomeAndAssetsVnd", means, "multiple", multiple);
            }),
            Map.entry("LARGE_CASH", (f, p) -> {
                long max = param(p, "maxCashVnd");
                return when(f.cashVnd() > max, "cashVnd", f.cashVnd(), "maxCashVnd", max);
            }),
            Map.entry("GIFTS_OVER_INCOME", (f, p) -> {
                long percent = param(p, "percent");
                return when(f.giftsVnd() > 0 && greater(f.giftsVnd(), 100, percent, f.incomeVnd()),
                        "giftsVnd", f.giftsVnd(), "incomeVnd", f.incomeVnd(), "percent", percent);
            }),
            Map.entry("ITEM_WITHOUT_VALUE", (f, p) -> {
                long max = param(p, "maxItems");
                return when(f.itemsWithoutValue() > max, "itemsWithoutValue", f.itemsWithoutValue(), "maxItems", max);
            }),
            Map.entry("FOREIGN_ASSETS", (f, p) -> {
                long max = param(p, "maxForeignItems");
                return when(f.foreignItems() > max, "foreignItems", f.foreignItems(), "maxForeignItems", max);
            }),
            Map.entry("HOUSE_WITHOUT_LAND", (f, p) -> {
                long max = param(p, "maxHousesWithoutLand");
                long without = f.houses() - f.landPlots();
                return when(without > max, "houses", f.houses(), "landPlots", f.landPlots(), "maxHousesWithoutLand", max);
            }),
            Map.entry("LATE_FILING", (f, p) -> {
                long grace = param(p, "graceDays");
                return when(f.daysLate() > grace, "daysLate", f.daysLate(), "graceDays", grace);
            }),
            Map.entry("FAMILY_HELD_ASSETS", (f, p) -> {
                long percent = param(p, "percent");
                return when(f.assetsVnd() > 0 && greater(f.familyHeldAssetsVnd(), 100, percent, f.assetsVnd()),
                        "familyHeldAssetsVnd", f.familyHeldAssetsVnd(), "assetsVnd", f.assetsVnd(), "percent", percent);
            }),
            // the law's own rule: an increase AT or above the dated threshold must be explained
            Map.entry("UNEXPLAINED_INCREASE", (f, p) -> when(
                    f.hasPrevious() && !f.explained() && f.assetIncreaseVnd() >= f.explanationThresholdVnd(),
                    "assetIncreaseVnd", f.assetIncreaseVnd(), "thresholdVnd", f.explanationThresholdVnd())),
            Map.entry("INCREASE_OVER_INCOME", (f, p) -> {
                long multiple = param(p, "multiple");
                return when(f.hasPrevious() && f.assetIncreaseVnd() > 0
                                && greater(f.assetIncreaseVnd(), 1, multiple, f.incomeVnd()),
                        "assetIncreaseVnd", f.assetIncreaseVnd(), "incomeVnd", f.incomeVnd(), "multiple", multiple);
            }));

    /** The values a parameter of a new rule version may take. */
    record Range(long min, long max) {
    }

    private static final Range MULTIPLE = new Range(1, 1_000);
    private static final Range PERCENT = new Range(1, 100);
    private static final Range COUNT = new Range(0, 1_000);

    /**
     * The parameters each rule reads from its {@code params} (exactly these, by {@link #param}), with the values a
     * new version may give them; {@code RedFlagRulesTest} holds this to {@link #LOGIC}.
     */
    static final Map<String, Map<String, Range>> PARAMS = Map.ofEntries(
            Map.entry("MONETARY_OVER_INCOME", Map.of("multiple", MULTIPLE)),
            Map.entry("LIABILITIES_OVER_MEANS", Map.of("multiple", MULTIPLE)),
            // a thousand trillion VND, far above any cash a rule would allow
            Map.entry("LARGE_CASH", Map.of("maxCashVnd", new Range(1, 1_000_000_000_000_000L))),
            Map.entry("GIFTS_OVER_INCOME", Map.of("percent", PERCENT)),
            Map.entry("ITEM_WITHOUT_VALUE", Map.of("maxItems", COUNT)),
            Map.entry("FOREIGN_ASSETS", Map.of("maxForeignItems", COUNT)),
            Map.entry("HOUSE_WITHOUT_LAND", Map.of("maxHousesWithoutLand", COUNT)),
            Map.entry("LATE_FILING", Map.of("graceDays", new Range(0, 365))),
            Map.entry("FAMILY_HELD_ASSETS", Map.of("percent", PERCENT)),
            Map.entry("UNEXPLAINED_INCREASE", Map.of()),
            Map.entry("INCREASE_OVER_INCOME", Map.of("multiple", MULTIPLE)));

    /** a × aFactor > b × bFactor, exactly. */
    private static boolean greater(long a, long aFactor, long bFactor, long b) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(aFactor))
                .compareTo(BigInteger.valueOf(b).multiply(BigInteger.valueOf(bFactor))) > 0;
    }

    private static long param(JsonNode params, String name) {
        JsonNode v = params.get(name);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalStateException("red-flag rule parameter " + name + " missing or not a whole number");
        }
        return v.asLong();
    }

    private static Optional<Map<String, Object>> when(boolean raised, Object... figures) {
        if (!raised) {
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < figures.length; i += 2) {
            m.put((String) figures[i], figures[i + 1]);
        }
        return Optional.of(m);
    }

    private RedFlagRules() {
    }
}
