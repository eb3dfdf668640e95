package vn.inspectorate.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog. It stays UP while Kafka is down: intake must keep working then, and the backlog and
 * last error tell operators what waits.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final OutboxRelay relay;

    OutboxHealthCheck(AgroalDataSource dataSource, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("outbox").up();
        // the age of the row the relay sends next (the lowest pending id): looked up by key, never by a join
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select (select count(*) from platform_outbox_pending),
                               coalesce(extract(epoch from now() - (select o.created_at from platform_outbox o
                                   where o.id = (select min(id) from platform_outbox_pending))), 0)""")) {
            rs.next();
            builder.withData("pending", rs.getLong(1)).withData("oldestPendingSeconds", rs.getLong(2));
        } catch (Exception e) {
            builder.withData("pending", "unknown: " + e.getMessage());
        }
        // one instance of a service relays; the others wait to take over
        builder.withData("relaying", relay.leading());
        if (relay.lastSuccess() != null) {
            builder.withData("lastSent", relay.lastSuccess().toString());
        }
        if (relay.lastError() != null) {
            builder.withData("lastError", relay.lastError());
        }
        return builder.build();
    }
}
