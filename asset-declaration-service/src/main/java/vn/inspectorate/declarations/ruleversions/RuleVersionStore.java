package vn.inspectorate.declarations.ruleversions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ChangeView;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.ParameterVersionView;
import vn.inspectorate.declarations.ruleversions.RuleVersionsApi.RedFlagVersionView;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the dated rules: the versions of the parameters and red-flag rules, and the record of their changes. */
@ApplicationScoped
public class RuleVersionStore {

    private static final TypeReference<TreeMap<String, Long>> PARAMS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private static final String PARAMETERS = """
            select code, effective_from, effective_to, value, unit, description, source from rule_parameter
            where cast(? as text) is null or code = cast(? as text) order by code, effective_from""";
    private static final String CLOSE_PARAMETER = """
            update rule_parameter set effective_to = ?
            where code = ? and (effective_to is null or effective_to >= ?)""";
    private static final String INSERT_PARAMETER = """
            insert into rule_parameter (code, effective_from, value, unit, description, source)
            values (?, ?, ?, ?, ?, ?)""";
    private static final String RED_FLAGS = """
            select rule_id, version, effective_from, effective_to, weight, params::text, description
            from red_flag_rule where cast(? as text) is null or rule_id = cast(? as text)
            order by rule_id, version""";
    private static final String CLOSE_RED_FLAG = """
            update red_flag_rule set effective_to = ?
            where rule_id = ? and (effective_to is null or effective_to >= ?)""";
    private static final String INSERT_RED_FLAG = """
            insert into red_flag_rule (rule_id, version, effective_from, weight, params, description)
            values (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CHANGE = """
            insert into rule_change (id, kind, subject, changed_by, changed_at, reason, details)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String CHANGES = """
            select id, kind, subject, changed_by, changed_at, reason, cast(details as text) from rule_change
            where (cast(? as text) is null or subject = cast(? as text))
            order by changed_at desc, id limit ?""";

    private final Sql sql;
    private final ObjectMapper mapper;

    RuleVersionStore(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /** One admin change of a kind of rule at a time, until the transaction ends: {@code table} names the kind. */
    public void lock(String table) {
        sql.lockUntilCommit(table);
    }

    /** The versions of one parameter code, or of all when {@code code} is null, by code and effective date. */
    public List<ParameterVersionView> parameters(String code) {
        return sql.query(PARAMETERS, Arrays.asList(code, code), rs -> new ParameterVersionView(rs.getString(1),
                date(rs, 2), date(rs, 3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)));
    }

    /** Ends the versions of {@code code} still in force on {@code from} the day before; answers how many. */
    public int closeParameter(String code, LocalDate from) {
        return sql.update(CLOSE_PARAMETER, List.of(from.minusDays(1), code, from));
    }

    public void insertParameter(String code, LocalDate from, long value, String unit, String description,
            String source) {
        sql.update(INSERT_PARAMETER, Arrays.asList(code, from, value, unit, description, source));
    }

    /** The versions of one red-flag rule, or of all when {@code ruleId} is null, by rule id and version. */
    public List<RedFlagVersionView> redFlags(String ruleId) {
        return sql.query(RED_FLAGS, Arrays.asList(ruleId, ruleId), rs -> new RedFlagVersionView(rs.getString(1),
                rs.getInt(2), date(rs, 3), date(rs, 4), rs.getInt(5), read(rs.getString(6), PARAMS),
                rs.getString(7)));
    }

    /** Ends the versions of {@code ruleId} still in force on {@code from} the day before; answers how many. */
    public int closeRedFlag(String ruleId, LocalDate from) {
        return sql.update(CLOSE_RED_FLAG, List.of(from.minusDays(1), ruleId, from));
    }

    public void insertRedFlag(String ruleId, int version, LocalDate from, int weight, Map<String, Long> params,
            String description) {
        sql.update(INSERT_RED_FLAG, List.of(ruleId, version, from, weight, new Sql.Json(write(params)), description));
    }

    public void insertChange(UUID id, String kind, String subject, String changedBy, OffsetDateTime changedAt,
            String reason, Object details) {
        sql.update(INSERT_CHANGE, List.of(id, kind, subject, changedBy, changedAt, reason,
                new Sql.Json(write(details))));
    }

    /** How many changes of {@code subject} were recorded (the writers of a subject take turns: see {@link #lock}). */
    public long changesOf(String subject) {
        return sql.queryFirst("select count(*) from rule_change where subject = ?", List.of(subject),
                rs -> rs.getLong(1)).orElse(0L);
    }

    /** The latest changes first, optionally of one subject. */
    public List<ChangeView> changes(String subject, int limit) {
        return sql.query(CHANGES, Arrays.asList(subject, subject, limit), rs -> new ChangeView(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), rs.getString(6),
                read(rs.getString(7), DETAILS)));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored rule JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule JSON cannot be written", e);
        }
    }
}
