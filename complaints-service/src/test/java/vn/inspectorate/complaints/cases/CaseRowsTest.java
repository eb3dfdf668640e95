package vn.inspectorate.complaints.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The hand-written insert of new cases writes what Hibernate's would have: every column of the table, each field of
 * the entity into its own column, for one case and for several.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class CaseRowsTest {

    /** The columns that refer to another case: they must name one that exists. */
    private static final Set<String> CASE_REFERENCES = Set.of("parentCaseId", "escalatedCaseId",
            "transferredFromCaseId", "transferredToCaseId");

    @Inject
    EntityManager em;
    @Inject
    Sql sql;

    @Test
    void everyColumnOfTheCaseTableIsWritten() {
        @SuppressWarnings("unchecked")
        List<String> table = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = 'citizen_case'""").getResultList());
        assertThat(CaseRows.columns()).containsExactlyInAnyOrderElementsOf(table);
        assertThat(CaseRows.columns()).hasSize(persistentFields().size());
    }

    @Test
    void casesWrittenAsRowsReadBackThroughTheEntityFieldByField() {
        QuarkusTransaction.begin();
        try {
            // four written together, each referring to itself; then one alone, referring to each of the four
            List<CitizenCase> together = IntStream.range(0, 4).mapToObj(i -> everyFieldSet(i, null)).toList();
            CitizenCase alone = everyFieldSet(4, together);
            Sql.Pipeline writes = sql.pipeline();
            CaseRows.insert(together, writes);
            CaseRows.insert(List.of(alone), writes);
            writes.send();
            List<CitizenCase> all = new ArrayList<>(together);
            all.add(alone);
            for (CitizenCase written : all) {
                CitizenCase read = em.find(CitizenCase.class, written.id);
                assertThat(read).isNotSameAs(written);
                for (Field f : persistentFields()) {
                    assertThat(comparable(get(f, read))).as(f.getName()).isEqualTo(comparable(get(f, written)));
                }
            }
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /**
     * Case {@code i} with a value in every field that no other field of it, nor the same field of another case,
     * holds: a value written to the wrong column reads back wrong. A flag's value is bit {@code i} of the flag's
     * number among the flags, so no two flags are alike across the five cases.
     */
    private static CitizenCase everyFieldSet(int i, List<CitizenCase> referred) {
        CitizenCase c = new CitizenCase();
        c.id = UUID.randomUUID();
        List<Field> fields = persistentFields();
        int reference = 0;
        int flag = 0;
        for (int k = 0; k < fields.size(); k++) {
            Field f = fields.get(k);
            Class<?> type = f.getType();
            Object value;
            if (f.getName().equals("id")) {
                continue;
            } else if (CASE_REFERENCES.contains(f.getName())) {
                value = referred == null ? c.id : referred.get(reference++).id;
            } else if (f.getName().equals("ruleSetVersion")) {
                value = i % 2 == 0 ? "2012.1" : "2026.7";
            } else if (type == String.class) {
                value = f.getName() + "-" + i;
            } else if (type == UUID.class) {
                value = UUID.randomUUID();
            } else if (type == LocalDate.class) {
                value = LocalDate.of(2020, 1, 1).plusDays(k * 10L + i);
            } else if (type == OffsetDateTime.class) {
                value = OffsetDateTime.of(2025, 1, 1, 8, 0, 0, 123_456_000, ZoneOffset.ofHours(7))
                        .plusMinutes(k * 10L + i);
            } else if (type == boolean.class) {
                value = ((flag++ >> i) & 1) == 1;
            } else if (type == int.class) {
                value = k * 10 + i + 1;
            } else if (type == long.class) {
                value = k * 10L + i + 1;
            } else if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                value = constants[(k + i) % constants.length];
            } else {
                throw new AssertionError("no test value for " + f.getName() + " of " + type);
            }
            set(f, c, value);
        }
        return c;
    }

    private static List<Field> persistentFields() {
        // the entity's own fields, not those its bytecode enhancement adds (named with a leading $$)
        List<Field> fields = Arrays.stream(CitizenCase.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.getName().startsWith("$$"))
                .toList();
        fields.forEach(f -> f.setAccessible(true));
        return fields;
    }

    /** A time compares by its instant: the database keeps the instant, not the offset it was written with. */
    private static Object comparable(Object value) {
        return value instanceof OffsetDateTime t ? t.toInstant() : value;
    }

    private static Object get(Field f, CitizenCase c) {
        try {
            return f.get(c);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static void set(Field f, CitizenCase c, Object value) {
        try {
            f.set(c, value);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
