package vn.inspectorate.declarations.declarations;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.declarations.DeclarationApi.SectionChange;
import vn.inspectorate.declarations.redflags.DeclarationFigures;
import vn.inspectorate.declarations.redflags.RaisedFlag;
import vn.inspectorate.declarations.redflags.RedFlagEngine;
import vn.inspectorate.declarations.rules.RuleData;

/**
 * How a filing is judged: its totals, its deadline, its change against the previous declaration, and the red flags
 * its figures raise under the rules in force on its date.
 */
@ApplicationScoped
public class DeclarationAnalysis {

    private final RuleData rules;
    private final RedFlagEngine engine;
    private final DeclarationStore store;

    DeclarationAnalysis(RuleData rules, RedFlagEngine engine, DeclarationStore store) {
        this.rules = rules;
        this.engine = engine;
        this.store = store;
    }

    /**
     * Judges the items of {@code d} against its previous declaration, records the change per section and hands the
     * result to {@code d}; answers the figures the red-flag rules read.
     */
    public DeclarationFigures assess(Declaration d) {
        Declarant declarant = Declarant.findById(d.declarantId);
        List<DeclarationItem> items = DeclarationItem.of(d.id);
        Map<Section, Long> current = sectionTotals(items);
        LocalDate dueOn = switch (d.kind) {
            case FIRST_TIME -> rules.firstTimeDeadline(declarant.appointedOn);
            case ANNUAL, SUPPLEMENTARY -> rules.yearEndDeadline(d.year);
            case PERSONNEL_WORK -> null;
        };
        long daysLate = dueOn == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueOn, d.declaredOn));
        Declaration previous = store.previousFiled(d);
        long threshold = rules.value(RuleData.INCREASE_EXPLANATION_THRESHOLD, d.declaredOn);
        List<SectionChange> changes = new ArrayList<>();
        long assetChange = 0;
        long incomeChange = 0;
        if (previous != null) {
            Map<Section, Long> before = sectionTotals(DeclarationItem.of(previous.id));
            for (Section s : Section.values()) {
                changes.add(new SectionChange(s, before.get(s), current.get(s),
                        Math.subtractExact(current.get(s), before.get(s))));
            }
            assetChange = Math.subtractExact(assets(current), assets(before));
            incomeChange = Math.subtractExact(current.get(Section.INCOME), before.get(Section.INCOME));
        }
        store.replaceSectionChanges(d.id, changes);
        d.assessed(new Declaration.Assessment(assets(current), current.get(Section.INCOME),
                current.get(Section.LIABILITIES), dueOn, daysLate > 0, previous == null ? null : previous.id,
                threshold, assetChange, incomeChange));
        return figures(items, d, previous != null, daysLate);
    }

    /**
     * The red flags {@code figures} raise under the rules in force on the date of {@code d}, recorded under the version
     * they give {@code d}; {@code d} takes their risk score.
     */
    public List<RaisedFlag> flag(Declaration d, DeclarationFigures figures) {
        List<RaisedFlag> raised = engine.evaluate(figures, d.declaredOn);
        d.flagged(RedFlagEngine.riskScore(raised), !raised.isEmpty());
        store.insertFlags(d, raised);
        return raised;
    }

    private static DeclarationFigures figures(List<DeclarationItem> items, Declaration d, boolean hasPrevious,
            long daysLate) {
        long monetary = 0, cash = 0, gifts = 0, foreign = 0, withoutValue = 0, houses = 0, land = 0, family = 0;
        for (DeclarationItem i : items) {
            long v = i.valueVnd == null ? 0 : i.valueVnd;
            if (i.category.isMonetary()) {
                monetary = Math.addExact(monetary, v);
            }
            if (i.category == ItemCategory.CASH) {
                cash = Math.addExact(cash, v);
            }
            if (i.category == ItemCategory.GIFT) {
                gifts = Math.addExact(gifts, v);
            }
            if (i.section == Section.FOREIGN) {
                foreign++;
            }
            if (i.section.isAsset() && v == 0) {
                withoutValue++;
            }
            if (i.category == ItemCategory.HOUSE) {
                houses++;
            }
            if (i.category == ItemCategory.LAND) {
                land++;
            }
            if (i.section.isAsset() && i.ownerMemberId != null) {
                family = Math.addExact(family, v);
            }
        }
        return new DeclarationFigures(d.totalAssetsVnd, d.totalIncomeVnd, d.totalLiabilitiesVnd, monetary, cash, gifts,
                foreign, withoutValue, houses, land, family, daysLate, hasPrevious, d.assetChangeVnd,
                d.explanationThresholdVnd, d.increaseExplanationEnc != null);
    }

    private static Map<Section, Long> sectionTotals(List<DeclarationItem> items) {
        Map<Section, Long> totals = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            totals.put(s, 0L);
        }
        for (DeclarationItem i : items) {
            if (i.valueVnd != null) {
                totals.merge(i.section, i.valueVnd, Math::addExact);
            }
        }
        return totals;
    }

    private static long assets(Map<Section, Long> totals) {
        return totals.entrySet().stream().filter(e -> e.getKey().isAsset()).mapToLong(Map.Entry::getValue)
                .reduce(0L, Math::addExact);
    }
}
