package vn.inspectorate.deploy.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts what one load created and found, by kind of record, and collects the figures the records add up to. */
public final class Tally {

    public static final String CASES = "cases";
    public static final String STEPS = "lifecycle steps";
    public static final String PLANS = "plans";
    public static final String INSPECTIONS = "inspections";
    public static final String CONCLUSIONS = "conclusions";
    public static final String DECLARANTS = "declarants";
    public static final String DECLARATIONS = "declarations";

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<ExpectedFigures> figures = new ArrayList<>();
    private String verificationPlanId;

    public Tally() {
        for (String kind : List.of(CASES, STEPS, PLANS, INSPECTIONS, CONCLUSIONS, DECLARANTS, DECLARATIONS)) {
            counts.put(kind, new int[2]);
        }
    }

    void count(String kind, boolean created) {
        counts.get(kind)[created ? 0 : 1]++;
    }

    void expect(ExpectedFigures expected) {
        figures.add(expected);
    }

    void verificationPlan(String id) {
        verificationPlanId = id;
    }

    /** The id of the demo's verification plan, which the dashboard's plan page asks for; null before it is drawn. */
    public String verificationPlanId() {
        return verificationPlanId;
    }

    public Count count(String kind) {
        int[] c = counts.get(kind);
        return new Count(c[0], c[1]);
    }

    public List<ExpectedFigures> figures() {
        return List.copyOf(figures);
    }
}
