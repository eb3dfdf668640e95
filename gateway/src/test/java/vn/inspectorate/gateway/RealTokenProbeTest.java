package vn.inspectorate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.Authenticated;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.KeycloakResource;
import vn.inspectorate.testsupport.PostgresResource;
import vn.inspectorate.testsupport.Tokens;
import static io.restassured.RestAssured.given;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
class RealTokenProbeTest {

    @Path("/probe")
    public static class Probe {
        @Inject JsonWebToken jwt;
        @Inject io.quarkus.security.identity.SecurityIdentity identity;
        @GET @Authenticated
        public String province() { return jwt.getClaim("province") + "/" + identity.getRoles(); }
    }

    @Test
    void realTokenIsChecked() {
        given().get("/probe").then().statusCode(401);
        String body = given().auth().oauth2(Tokens.clientCredentials("province-hn")).get("/probe").then().statusCode(200).extract().asString();
        assertThat(body).isEqualTo("VN-HN/[provincial-system]");
        given().auth().oauth2(Tokens.password("inspector-nb")).get("/probe").then().statusCode(200);
    }
}
