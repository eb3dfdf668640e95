package vn.inspectorate.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.inspectorate.declarations.redflags.DeclarationFigures;
import vn.inspectorate.declarations.redflags.RaisedFlag;
import vn.inspectorate.declarations.redflags.RedFlagEngine;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Every red-flag rule in force stays quiet exactly at its boundary and raises a flag one step beyond it. The
 * boundaries are read from the rule table, as the engine reads them.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class RedFlagRulesTest {

    static final LocalDate ON = LocalDate.of(2025, 12, 20);

    @Inject
    RedFlagEngine engine;

    @Inject
    RuleData rules;

    /** Figures that raise nothing: the base every case changes one thing of. */
    static final class Fig {
        long assets = 10_000, income = 10_000, liabilities = 0, monetary = 0, cash = 0, gifts = 0, foreign = 0,
                withoutValue = 0, houses = 1, land = 1, family = 0, daysLate = 0, increase = 0, threshold;
        boolean hasPrevious = true, explained = false;

        DeclarationFigures build() {
            return new DeclarationFigures(assets, income, liabilities, monetary, cash, gifts, foreign, withoutValue,
                    houses, land, family, daysLate, hasPrevious, increase, threshold, explained);
        }
    }

    private Set<String> raised(UnaryOperator<Fig> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Fig f = new Fig();
            f.threshold = rules.value(RuleData.INCREASE_EXPLANATION_THRESHOLD, ON);
            return engine.evaluate(change.apply(f).build(), ON).stream().map(RaisedFlag::ruleId)
                    .collect(Collectors.toSet());
        });
    }

    private long param(String rule, String name) {
        return QuarkusTransaction.requiringNew().call(() -> engine.rulesInForce(ON).stream()
                .filter(r -> r.ruleId().equals(rule)).findFirst().orElseThrow().params().get(name).asLong());
    }

    private final Set<String> checked = new HashSet<>();

    private void boundary(String rule, UnaryOperator<Fig> atBoundary, UnaryOperator<Fig> beyond) {
        assertThat(raised(atBoundary)).as(rule + " at its boundary").doesNotContain(rule);
        assertThat(raised(beyond)).as(rule + " beyond its boundary").contains(rule);
        checked.add(rule);
    }

    @Test
    void everyRuleTriggersJustBeyondItsBoundaryAndStaysQuietAtIt() {
        assertThat(raised(f -> f)).as("the neutral figures").isEmpty();

        long m = param("MONETARY_OVER_INCOME", "multiple");
        boundary("MONETARY_OVER_INCOME", f -> { f.monetary = m * f.income; return f; },
                f -> { f.monetary = m * f.income + 1; return f; });
        long lm = param("LIABILITIES_OVER_MEANS", "multiple");
        boundary("LIABILITIES_OVER_MEANS", f -> { f.liabilities = lm * (f.income + f.assets); return f; },
                f -> { f.liabilities = lm * (f.income + f.assets) + 1; return f; });
        long cash = param("LARGE_CASH", "maxCashVnd");
        boundary("LARGE_CASH", f -> { f.cash = cash; f.income = cash; return f; },
                f -> { f.cash = cash + 1; f.income = cash; return f; });
        long gp = param("GIFTS_OVER_INCOME", "percent");
        boundary("GIFTS_OVER_INCOME", f -> { f.gifts = gp * f.income / 100; return f; },
                f -> { f.gifts = gp * f.income / 100 + 1; return f; });
        long nv = param("ITEM_WITHOUT_VALUE", "maxItems");
        boundary("ITEM_WITHOUT_VALUE", f -> { f.withoutValue = nv; return f; },
                f -> { f.withoutValue = nv + 1; return f; });
        long fi = param("FOREIGN_ASSETS", "maxForeignItems");
        boundary("FOREIGN_ASSETS", f -> { f.foreign = fi; return f; }, f -> { f.foreign = fi + 1; return f; });
        long hw = param("HOUSE_WITHOUT_LAND", "maxHousesWithoutLand");
        boundary("HOUSE_WITHOUT_LAND", f -> { f.houses = f.land + hw; return f; },
                f -> { f.houses = f.land + hw + 1; return f; });
        long grace = param("LATE_FILING", "graceDays");
        boundary("LATE_FILING", f -> { f.daysLate = grace; return f; }, f -> { f.daysLate = grace + 1; return f; });
        long fp = param("FAMILY_HELD_ASSETS", "percent");
        boundary("FAMILY_HELD_ASSETS", f -> { f.family = fp * f.assets / 100; return f; },
                f -> { f.family = fp * f.assets / 100 + 1; return f; });
        // the law's rule is "at or above": one below is quiet, the threshold itself raises it
        boundary("UNEXPLAINED_INCREASE", f -> { f.increase = f.threshold - 1; f.income = f.threshold; return f; },
                f -> { f.increase = f.threshold; f.income = f.threshold; return f; });
        assertThat(raised(f -> { f.increase = f.threshold; f.explained = true; return f; }))
                .doesNotContain("UNEXPLAINED_INCREASE");
        assertThat(raised(f -> { f.increase = f.threshold; f.hasPrevious = false; return f; }))
                .doesNotContain("UNEXPLAINED_INCREASE");
        long im = param("INCREASE_OVER_INCOME", "multiple");
        boundary("INCREASE_OVER_INCOME", f -> { f.increase = im * f.income; return f; },
                f -> { f.increase = im * f.income + 1; return f; });

        Set<String> inForce = QuarkusTransaction.requiringNew().call(() -> engine.rulesInForce(ON).stream()
                .map(RedFlagEngine.RuleVersion::ruleId).collect(Collectors.toSet()));
        assertThat(inForce).hasSizeGreaterThanOrEqualTo(10);
        assertThat(checked).containsExactlyInAnyOrderElementsOf(inForce);
    }

    @Test
    void riskScoreAddsWeightsUpToOneHundred() {
        var a = new RaisedFlag("A", 1, 30, Map.of());
        var b = new RaisedFlag("B", 1, 25, Map.of());
        assertThat(RedFlagEngine.riskScore(List.of())).isZero();
        assertThat(RedFlagEngine.riskScore(List.of(a, b))).isEqualTo(55);
        assertThat(RedFlagEngine.riskScore(List.of(a, b, a, b))).isEqualTo(100);
    }
}
