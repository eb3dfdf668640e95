package vn.inspectorate.declarations.transfers;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.inspectorate.declarations.transfers.TransferApi.State;
import vn.inspectorate.declarations.transfers.TransferApi.Transfer;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.platform.time.VietnamTime;

/** All SQL of the transfers of declarants between agencies. */
@ApplicationScoped
public class TransferStore {

    private static final String SELECT = """
            select t.id, t.from_declarant_id, f.agency_code, t.to_declarant_id, d.agency_code, t.state, t.detected_at,
                   t.transferred_on, t.confirmed_by
            from declarant_transfer t join declarant f on f.id = t.from_declarant_id
                 join declarant d on d.id = t.to_declarant_id""";
    /**
     * The other agencies' registrations of the same person (blind index) that have not moved on already: each is
     * where the person comes from.
     */
    private static final String DETECT = """
            insert into declarant_transfer (id, from_declarant_id, to_declarant_id, state)
            select gen_random_uuid(), o.id, ?, 'PENDING' from declarant o
            where o.citizen_id_hash = ? and o.agency_code <> ? and o.id <> ?
              and not exists (select 1 from declarant_transfer x where x.from_declarant_id = o.id
                              and x.state = 'CONFIRMED')
            on conflict (from_declarant_id, to_declarant_id) do nothing""";
    private static final String CONFIRM = """
            update declarant_transfer set state = 'CONFIRMED', transferred_on = ?, confirmed_by = ?, confirmed_at = ?
            where id = ? and state = 'PENDING'""";
    private static final String PREDECESSORS = """
            select from_declarant_id from declarant_transfer where to_declarant_id = ? and state = 'CONFIRMED'""";

    private final Sql sql;

    TransferStore(Sql sql) {
        this.sql = sql;
    }

    /** Records a pending transfer from every other agency's registration of the person to the new one. */
    public void detect(UUID newDeclarantId, String agencyCode, String citizenIdHash) {
        sql.update(DETECT, List.of(newDeclarantId, citizenIdHash, agencyCode, newDeclarantId));
    }

    public Optional<Transfer> find(UUID id) {
        return sql.queryFirst(SELECT + " where t.id = ?", List.of(id), TransferStore::transfer);
    }

    /** One page of the transfers in a state (all when null), oldest first. */
    public Page<Transfer> list(State state, PageRequest page) {
        String name = state == null ? null : state.name();
        OffsetDateTime after = page.first() ? null : OffsetDateTime.parse(page.after(0));
        UUID afterId = page.first() ? null : UUID.fromString(page.after(1));
        List<Transfer> rows = sql.query(SELECT + " where (cast(? as text) is null or t.state = cast(? as text))"
                + " and (cast(? as timestamptz) is null or (t.detected_at, t.id) > (cast(? as timestamptz), ?))"
                + " order by t.detected_at, t.id limit ?", Arrays.asList(name, name, after, after, afterId,
                        page.fetch()), TransferStore::transfer);
        return page.page(rows, t -> List.of(t.detectedAt().toString(), t.id().toString()), null);
    }

    public void confirm(UUID id, java.time.LocalDate transferredOn, String by) {
        sql.update(CONFIRM, List.of(transferredOn, by, VietnamTime.now(), id));
    }

    /** When the declarant left its agency by a confirmed transfer, the day it did. */
    public Optional<java.time.LocalDate> transferredOut(UUID declarantId) {
        return sql.queryFirst("select transferred_on from declarant_transfer where from_declarant_id = ? "
                + "and state = 'CONFIRMED'", List.of(declarantId), rs -> rs.getObject(1, java.time.LocalDate.class));
    }

    /** Whether the declarant came from another agency by a confirmed transfer. */
    public boolean transferredIn(UUID declarantId) {
        return !sql.query(PREDECESSORS, List.of(declarantId), rs -> rs.getObject(1, UUID.class)).isEmpty();
    }

    /** The declarant and, through confirmed transfers, every registration of the person before it. */
    public Set<UUID> lineage(UUID declarantId) {
        Set<UUID> lineage = new LinkedHashSet<>(List.of(declarantId));
        List<UUID> next = new ArrayList<>(List.of(declarantId));
        while (!next.isEmpty()) {
            List<UUID> found = new ArrayList<>();
            for (UUID id : next) {
                for (UUID from : sql.query(PREDECESSORS, List.of(id), rs -> rs.getObject(1, UUID.class))) {
                    if (lineage.add(from)) {
                        found.add(from);
                    }
                }
            }
            next = found;
        }
        return lineage;
    }

    private static Transfer transfer(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Transfer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), State.valueOf(rs.getString(6)),
                rs.getObject(7, OffsetDateTime.class), rs.getObject(8, java.time.LocalDate.class), rs.getString(9));
    }
}
