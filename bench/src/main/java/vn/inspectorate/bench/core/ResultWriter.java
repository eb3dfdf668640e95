package vn.inspectorate.bench.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a scenario's result as {@code <scenario>.json}: figures as numbers, goals with their verdicts. */
public final class ResultWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;

    public ResultWriter(Path folder) {
        this.folder = folder;
    }

    public Path write(ScenarioResult result, Map<String, Object> environment) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(result.scenario() + ".json");
            JSON.writeValue(file.toFile(), toMap(result, environment));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> toMap(ScenarioResult result, Map<String, Object> environment) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", result.scenario());
        out.put("title", result.title());
        out.put("startedAt", result.startedAt().toString());
        out.put("finishedAt", result.finishedAt() == null ? null : result.finishedAt().toString());
        out.put("environment", environment);
        out.put("figures", result.figures());
        List<Map<String, Object>> goals = new ArrayList<>();
        for (Goal g : result.goals()) {
            Map<String, Object> goal = new LinkedHashMap<>();
            goal.put("name", g.name());
            goal.put("direction", g.direction().name());
            goal.put("target", g.target());
            goal.put("actual", g.actual());
            goal.put("unit", g.unit());
            goal.put("met", g.met());
            goal.put("missedByPercent", g.missedByPercent());
            goal.put("errors", g.errors());
            goals.add(goal);
        }
        out.put("goals", goals);
        Map<String, Object> tables = new LinkedHashMap<>();
        result.tables().forEach((name, t) -> tables.put(name, Map.of("columns", t.columns(), "rows", t.rows())));
        out.put("tables", tables);
        out.put("notes", result.notes());
        out.put("profiles", result.profiles());
        return out;
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
