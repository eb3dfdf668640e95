package vn.inspectorate.bench.core;

import java.util.List;
import java.util.Locale;

/**
 * One HTML page with a bar per goal of a run, scaled so that the target is the middle line: a bar past it is a goal
 * met, a shorter bar says at a glance how far off a missed goal is (for "at most" goals the scale is target / actual).
 */
public final class GoalChart {

    /** How well a goal is met: 1 on target, above 1 better, below 1 worse, whichever way the goal points. */
    public static double score(Goal g) {
        if (g.direction() == Goal.Direction.AT_LEAST) {
            return g.target() == 0 ? 1 : g.actual() / g.target();
        }
        return g.actual() <= 0 ? 2 : g.target() / g.actual();
    }

    public static String html(List<ScenarioResult> results, String environment) {
        StringBuilder out = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Benchmark goals</title><style>
                body{font:14px sans-serif;margin:2em;max-width:60em} .row{display:flex;align-items:center;margin:2px 0}
                .name{width:22em} .track{position:relative;width:30em;height:1.2em;background:#eee}
                .bar{height:100%} .met{background:#4a4} .missed{background:#c44}
                .target{position:absolute;left:50%;top:-2px;bottom:-2px;border-left:2px solid #000}
                .value{margin-left:1em;white-space:nowrap}</style></head><body>
                <h1>Benchmark goals</h1><p>The black line is the target; bars are capped at twice the target.</p>
                """);
        out.append("<p><small>").append(escape(environment)).append("</small></p>\n");
        for (ScenarioResult r : results) {
            out.append("<h2>").append(escape(r.scenario())).append(": ").append(escape(r.title())).append("</h2>\n");
            for (Goal g : r.goals()) {
                double width = Math.max(0, Math.min(score(g), 2)) * 50;
                out.append(String.format(Locale.ROOT, "<div class=\"row\"><div class=\"name\">%s</div><div "
                        + "class=\"track\"><div class=\"bar %s\" style=\"width:%.1f%%\"></div><div class=\"target\">"
                        + "</div></div><div class=\"value\">%s %s — %s</div></div>%n", escape(g.describe()),
                        g.met() ? "met" : "missed", width, Figures.format(g.actual()), escape(g.unit()),
                        escape(g.verdict())));
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private GoalChart() {
    }
}
