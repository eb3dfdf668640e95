package vn.inspectorate.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements sent together on PostgreSQL: in order, each seeing the ones before, and all or nothing. */
@QuarkusTest
class SqlPipelineTest {

    @Inject
    Sql sql;

    @Inject
    EntityManager em;

    @BeforeEach
    void table() {
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                create table if not exists sql_pipeline_probe (
                    id bigserial primary key, batch uuid not null, name text not null, body bytea)""", List.of()));
    }

    @Test
    void statementsRunInOrderEachSeeingTheWritesBeforeItAndAnswerTheirRowsAndCounts() {
        UUID batch = UUID.randomUUID();
        byte[] first = "một".getBytes(StandardCharsets.UTF_8);
        byte[] second = {0, 1, 2, (byte) 0xff};
        var answers = QuarkusTransaction.requiringNew().call(() -> {
            Sql.Pipeline pipeline = sql.pipeline();
            pipeline.update("""
                    insert into sql_pipeline_probe (batch, name, body)
                    select ?, p.name, p.body from unnest(?::text[], ?::bytea[]) with ordinality as p(name, body, n)
                    order by p.n""", List.of(batch, new Sql.ArrayOf("text", List.of("a", "b")),
                    new Sql.ArrayOf("bytea", List.of(first, second))));
            Sql.Rows<String> inserted = pipeline.query("""
                    insert into sql_pipeline_probe (batch, name) values (?, ?) returning name""", List.of(batch, "c"),
                    rs -> rs.getString(1));
            Sql.Rows<String> seen = pipeline.query("""
                    select name || ':' || coalesce(encode(body, 'hex'), '-') from sql_pipeline_probe
                    where batch = ? order by id""", List.of(batch), rs -> rs.getString(1));
            pipeline.update("update sql_pipeline_probe set name = upper(name) where batch = ? and name <> ?",
                    List.of(batch, "c"));
            int[] counts = pipeline.send();
            return new Answers(counts, inserted.get(), seen.get());
        });

        assertThat(answers.counts()).containsExactly(2, -1, -1, 2);
        assertThat(answers.inserted()).containsExactly("c");
        assertThat(answers.seen()).containsExactly("a:" + hex(first), "b:000102ff", "c:-");
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.query(
                "select name from sql_pipeline_probe where batch = ? order by id", List.of(batch),
                rs -> rs.getString(1)))).containsExactly("A", "B", "c");
    }

    @Test
    void aTextArrayGoesInBinaryAndEachElementArrivesAsItWasWhateverItsCharacters() {
        List<String> values = Arrays.asList("a,b", "{x}", "say \"hi\"", "back\\slash", null, "", "NULL",
                "Thanh tra tỉnh Lâm Đồng");
        Sql.ArrayOf array = new Sql.ArrayOf("text", values);
        List<String[]> answers = QuarkusTransaction.requiringNew().call(() -> sql.query("""
                select pg_typeof(?)::text, u.v from unnest(?::text[]) with ordinality as u(v, n) order by u.n""",
                List.of(array, array), rs -> new String[] {rs.getString(1), rs.getString(2)}));

        // varchar[] is the type the driver gives an array it sends in binary; a text literal would arrive as text[]
        assertThat(answers).extracting(a -> a[0]).containsOnly("character varying[]");
        assertThat(answers).extracting(a -> a[1]).containsExactlyElementsOf(values);
    }

    @Test
    void sqlAndHibernateInOneTransactionShareItsConnectionSeeEachOthersWritesAndRollBackTogether() {
        UUID batch = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into sql_pipeline_probe (batch, name) values (?1, 'by hibernate')")
                    .setParameter(1, batch).executeUpdate();
            assertThat(sql.query("select name from sql_pipeline_probe where batch = ?", List.of(batch),
                    rs -> rs.getString(1))).containsExactly("by hibernate");
            sql.update("insert into sql_pipeline_probe (batch, name) values (?, 'by sql')", List.of(batch));
            assertThat(((Number) em.createNativeQuery("select count(*) from sql_pipeline_probe where batch = ?1")
                    .setParameter(1, batch).getSingleResult()).longValue()).isEqualTo(2);
            assertThat(sql.query("select pg_backend_pid()", List.of(), rs -> rs.getInt(1))).containsExactly(
                    ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue());
            throw new IllegalStateException("rolled back on purpose");
        })).hasMessageContaining("rolled back on purpose");

        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.query(
                "select count(*) from sql_pipeline_probe where batch = ?", List.of(batch), rs -> rs.getLong(1))))
                .containsExactly(0L);
    }

    @Test
    void aFailingStatementStopsTheOnesAfterItAndItsTransactionWritesNothing() {
        UUID batch = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Sql.Pipeline pipeline = sql.pipeline();
            pipeline.update("insert into sql_pipeline_probe (batch, name) values (?, ?)", List.of(batch, "before"));
            pipeline.update("insert into sql_pipeline_probe (batch, name) values (?, null)", List.of(batch));
            pipeline.update("insert into sql_pipeline_probe (batch, name) values (?, ?)", List.of(batch, "after"));
            pipeline.send();
        })).hasStackTraceContaining("not-null");

        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.query(
                "select count(*) from sql_pipeline_probe where batch = ?", List.of(batch), rs -> rs.getLong(1))))
                .containsExactly(0L);
    }

    @Test
    void aQueryAnswersOnlyOnceSentAndAPipelineIsSentOnce() {
        QuarkusTransaction.requiringNew().run(() -> {
            Sql.Pipeline pipeline = sql.pipeline();
            Sql.Rows<Integer> one = pipeline.query("select 1", List.of(), rs -> rs.getInt(1));
            assertThatThrownBy(one::get).isInstanceOf(IllegalStateException.class);
            pipeline.send();
            assertThat(one.get()).containsExactly(1);
            assertThatThrownBy(pipeline::send).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> pipeline.update("select 2", List.of())).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void rowsFromAStatementAddedAsAnUpdateAreAnErrorNotACountOfMinusOne() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Sql.Pipeline pipeline = sql.pipeline();
            pipeline.update("select 1", List.of());
            pipeline.send();
        })).hasStackTraceContaining("add it as a query");
    }

    @Test
    void aStatementWithASemicolonIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> sql.pipeline().update("select 1; select 2", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sql.pipeline().send()).isEmpty();
    }

    private record Answers(int[] counts, List<String> inserted, List<String> seen) {
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
