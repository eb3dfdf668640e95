package vn.inspectorate.complaints.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The duplicate lookup runs on one plan per connection, made whatever the tables' statistics are then, so its shape
 * must find a person's cases by the identity hash and each case by its id, never by walking the date window.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class DuplicateLookupPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onTablesWithoutStatisticsThePlanReadsCasesByPersonIdAndRespondentNotByDate() throws Exception {
        String numbered = CaseStore.DUPLICATE_CANDIDATES;
        for (int i = 1; numbered.contains("?"); i++) {
            numbered = numbered.replaceFirst("\\?", "\\$" + i);
        }
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // empty copies, never analysed, ahead of the real tables on this connection's search path
                s.execute("create temp table citizen_case (like public.citizen_case including all)");
                s.execute("create temp table case_identity (like public.case_identity including all)");
                s.execute("prepare duplicate_candidates (text[], date, date, text[], date, date) as " + numbered);
                s.execute("set local plan_cache_mode = force_generic_plan");
                try (ResultSet rs = s.executeQuery("explain execute duplicate_candidates ('{a}', '2026-01-01', "
                        + "'2026-03-01', '{b}', '2026-01-01', '2026-03-01')")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
                s.execute("deallocate duplicate_candidates");
            }
        }
        assertThat(plan.toString())
                .contains("case_identity_identity_hash_idx", "citizen_case_pkey",
                        "citizen_case_respondent_code_received_on_idx")
                .doesNotContain("received_on_id_idx");
    }
}
