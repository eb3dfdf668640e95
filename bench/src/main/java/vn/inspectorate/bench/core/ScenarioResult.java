package vn.inspectorate.bench.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scenario measured: tables, raw figures, goals with their verdicts, notes and profile summaries. */
public final class ScenarioResult {

    private final String scenario;
    private final String title;
    private final Instant startedAt = Instant.now();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Goal> goals = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private Instant finishedAt;

    public ScenarioResult(String scenario, String title) {
        this.scenario = scenario;
        this.title = title;
    }

    public ScenarioResult table(String name, Table table) {
        tables.put(name, table);
        return this;
    }

    public ScenarioResult figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    public ScenarioResult goal(Goal goal) {
        goals.add(goal);
        return this;
    }

    public ScenarioResult note(String note) {
        notes.add(note);
        return this;
    }

    public ScenarioResult profile(String service, String summary) {
        profiles.put(service, summary);
        return this;
    }

    /** A profile taken by {@code summary}; if taking it fails, the figures measured are kept and a note says why. */
    public ScenarioResult profileOrNote(String service, java.util.concurrent.Callable<String> summary) {
        try {
            return profile(service, summary.call());
        } catch (Exception e) {
            return note("the profile of " + service + " could not be taken: " + e.getMessage());
        }
    }

    public ScenarioResult finish() {
        finishedAt = Instant.now();
        return this;
    }

    public boolean anyGoalMissed() {
        return goals.stream().anyMatch(g -> !g.met());
    }

    public String scenario() {
        return scenario;
    }

    public String title() {
        return title;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Map<String, Table> tables() {
        return tables;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    public List<Goal> goals() {
        return goals;
    }

    public List<String> notes() {
        return notes;
    }

    public Map<String, String> profiles() {
        return profiles;
    }

    /** The result as the terminal shows it and RESULTS.md quotes it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(scenario).append(": ").append(title).append("\n\n");
        tables.forEach((name, table) -> out.append("**").append(name).append("**\n\n").append(table.render())
                .append('\n'));
        if (!goals.isEmpty()) {
            Table g = new Table("goal", "actual", "verdict");
            goals.forEach(goal -> g.row(goal.describe(), Figures.format(goal.actual()) + " " + goal.unit(),
                    goal.verdict()));
            out.append("**goals**\n\n").append(g.render()).append('\n');
        }
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        if (!notes.isEmpty()) {
            out.append('\n');
        }
        String when = Profiling.requested() ? " (a repetition of the load step, not measured)"
                : anyGoalMissed() ? " during the missed goal" : "";
        profiles.forEach((service, summary) -> out.append("**profile of ").append(service)
                .append(when).append("**\n\n```\n").append(summary.strip()).append("\n```\n\n"));
        return out.toString();
    }
}
