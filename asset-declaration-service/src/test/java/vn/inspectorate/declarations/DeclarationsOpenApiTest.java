package vn.inspectorate.declarations;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.openapi.OpenApiContractTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class DeclarationsOpenApiTest extends OpenApiContractTest {

    @Override
    protected String documentName() {
        return "asset-declaration-service";
    }
}
