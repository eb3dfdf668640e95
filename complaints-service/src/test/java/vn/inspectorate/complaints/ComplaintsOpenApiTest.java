package vn.inspectorate.complaints;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.openapi.OpenApiContractTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class ComplaintsOpenApiTest extends OpenApiContractTest {

    @Override
    protected String documentName() {
        return "complaints-service";
    }
}
