package vn.inspectorate.inspection.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the inspected entities. */
@ApplicationScoped
public class InspectedEntityStore implements PanacheRepositoryBase<InspectedEntity, String> {

    private static final String UPSERT = """
            insert into inspected_entity (code, kind, name, province_code) values (?, ?, ?, ?)
            on conflict (code) do update set name = excluded.name, kind = excluded.kind, updated_at = now()
            where inspected_entity.province_code = excluded.province_code""";

    private final Sql sql;

    InspectedEntityStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Creates the entity or brings its name and kind up to date unless it is registered in another province; answers
     * the entity as the table holds it afterwards.
     */
    public InspectedEntity upsert(InspectedEntityInput input) {
        // what the persistence context holds goes first, as before any statement of the transaction
        getEntityManager().flush();
        sql.update(UPSERT, Arrays.asList(input.code(), input.kind().name(), input.name(), input.provinceCode()));
        InspectedEntity entity = findById(input.code());
        getEntityManager().refresh(entity);
        return entity;
    }
}
