package vn.inspectorate.platform;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** Every test of this module runs against one real PostgreSQL and one real Kafka broker. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
public final class RealInfrastructure {
    private RealInfrastructure() {
    }
}
