package vn.inspectorate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.KeycloakResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.openapi.OpenApiContractTest;

/**
 * The gateway's own document (its subscription API), as the build wrote it before the services' documents are merged
 * in at runtime, is the committed {@code gateway.yaml}; the merged one is checked by {@link PlatformOpenApiTest}.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StubServicesResource.class, scope = TestResourceScope.GLOBAL)
class GatewayOpenApiTest extends OpenApiContractTest {

    @Override
    protected String documentName() {
        return "gateway";
    }

    @Override
    protected JsonNode served() throws IOException {
        // written by the build (quarkus.smallrye-openapi.store-schema-directory in the test profile)
        return new ObjectMapper().readTree(Path.of("target/openapi/openapi.json").toFile());
    }
}
