package vn.inspectorate.bench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProjectionGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    @Test
    void theGeneratedIdConditionTakesGeneratedIdsAndNoServiceIdsEvenWithTheSamePrefix() {
        String condition = ProjectionGenerator.generatedRecordIds("record_id");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("between '([^']+)' and '([^']+)'").matcher(condition);
        List<String[]> ranges = new java.util.ArrayList<>();
        while (m.find()) {
            ranges.add(new String[] {m.group(1), m.group(2)});
        }
        assertThat(ranges).hasSize(3);
        // lower-case hex strings of equal length order as PostgreSQL orders uuids (byte by byte)
        java.util.function.Predicate<String> taken = id -> ranges.stream()
                .anyMatch(r -> id.compareTo(r[0]) >= 0 && id.compareTo(r[1]) <= 0);
        for (long kind : new long[] {ProjectionGenerator.CASES, ProjectionGenerator.INSPECTIONS,
                ProjectionGenerator.DECLARATIONS}) {
            assertThat(taken.test(new java.util.UUID(ProjectionGenerator.ID_PREFIX | kind, 12345).toString())).isTrue();
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            String service = java.util.UUID.randomUUID().toString();
            String samePrefix = "be7c0" + (1 + random.nextInt(3)) + "00-0000" + service.substring(13);
            assertThat(taken.test(service)).isFalse();
            assertThat(taken.test(samePrefix)).as(samePrefix).isFalse();
        }
    }

    @Test
    void everyCaseHasOneStateRowAndIsReceivedOnceAndNothingIsDatedAfterToday() throws Exception {
        ProjectionGenerator generator = new ProjectionGenerator(new ProjectionGenerator.Plan(2000, 20, 200, TODAY, 400,
                d -> d < 200 ? List.of("VN-HN", "VN-18") : List.of("VN-HN")));
        ByteArrayOutputStream states = new ByteArrayOutputStream();
        ByteArrayOutputStream contributions = new ByteArrayOutputStream();
        ProjectionGenerator.Writer w = generator.new Writer(states, contributions, new SplittableRandom(1));
        for (long i = 0; i < 2000; i++) {
            w.caseRecord(i);
        }
        for (long i = 0; i < 20; i++) {
            w.inspection(i);
        }
        for (long i = 0; i < 200; i++) {
            w.declaration(i);
        }

        List<String[]> stateRows = rows(states);
        List<String[]> contributionRows = rows(contributions);
        assertThat(stateRows).hasSize(2000).allSatisfy(r -> assertThat(r).hasSize(8));
        assertThat(stateRows.stream().map(r -> r[0]).distinct()).hasSize(2000);
        assertThat(stateRows).allSatisfy(r -> assertThat(r[0]).startsWith("be7c0100-0000-0000"));
        assertThat(w.stateRows).isEqualTo(2000);
        assertThat(w.contributionRows).isEqualTo(contributionRows.size());
        Map<String, Long> byFigure = contributionRows.stream()
                .collect(Collectors.groupingBy(r -> r[1], Collectors.counting()));
        assertThat(byFigure.get("cases.received")).isEqualTo(2000);
        assertThat(byFigure.get("declarations.submitted")).isEqualTo(200);
        assertThat(byFigure.get("inspections.opened")).isEqualTo(20);
        assertThat(byFigure.get("cases.accepted")).isBetween(1300L, 1700L);
        assertThat(byFigure.get("cases.resolved_on_time")).isLessThanOrEqualTo(byFigure.get("cases.resolved"));
        assertThat(contributionRows).allSatisfy(r -> {
            assertThat(r).hasSize(8);
            assertThat(LocalDate.parse(r[6])).isBeforeOrEqualTo(TODAY);
            assertThat(Long.parseLong(r[7])).isNotZero();
        });
        // Cases carry no sector; inspections do.
        assertThat(contributionRows.stream().filter(r -> r[1].startsWith("cases.")).map(r -> r[4]).distinct())
                .containsExactly("");
        assertThat(contributionRows.stream().filter(r -> r[1].startsWith("inspections.")).map(r -> r[4]))
                .allSatisfy(s -> assertThat(ProjectionGenerator.SECTORS).contains(s));
        // The merged-away province only appears on days before the change.
        Function<String[], LocalDate> day = r -> LocalDate.parse(r[6]);
        LocalDate change = TODAY.minusDays(400).plusDays(200);
        assertThat(contributionRows.stream().filter(r -> r[1].equals("cases.received") && r[2].equals("VN-18")))
                .isNotEmpty().allSatisfy(r -> assertThat(day.apply(r)).isBefore(change));
    }

    @Test
    void rollUpsAreRebuiltWholeFromTheDailyFiguresBeforeTheYearsAreSummedFromTheMonths() {
        List<String> tables = ProjectionGenerator.ROLL_UPS.stream().map(ProjectionGenerator.RollUp::table).toList();
        assertThat(tables).containsExactlyInAnyOrder("monthly_figure", "yearly_figure", "national_daily_figure",
                "open_case_count");
        assertThat(tables.indexOf("monthly_figure")).isLessThan(tables.indexOf("yearly_figure"));
        for (ProjectionGenerator.RollUp r : ProjectionGenerator.ROLL_UPS) {
            // emptied first: rows the service kept before the load are summed again from their daily rows, once
            assertThat(r.statements().get(0)).isEqualTo("truncate " + r.table());
            assertThat(r.statements().get(1)).startsWith("insert into " + r.table() + " (");
        }
        assertThat(String.join("\n", ProjectionGenerator.ROLL_UPS.get(tables.indexOf("monthly_figure")).statements()))
                .contains("date_trunc('month', day)::date").contains("from daily_figure group by 1, 2, 3, 4, 5, 6");
    }

    private static List<String[]> rows(ByteArrayOutputStream out) {
        return Arrays.stream(out.toString(StandardCharsets.US_ASCII).split("\n")).filter(l -> !l.isEmpty())
                .map(l -> l.split("\t", -1)).toList();
    }
}
