package vn.inspectorate.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class PlatformConventionsTest {

    private static OpenAPI document(Operation post, Operation get) {
        return OASFactory.createOpenAPI()
                .info(OASFactory.createInfo().title("Some service API").version("1"))
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/v1/things/{id}/rename", OASFactory.createPathItem().POST(post))
                        .addPathItem("/api/v1/things", OASFactory.createPathItem().GET(get)));
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        Operation post = OASFactory.createOperation().operationId("renameThing")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", "inspector")))
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()))
                .responses(OASFactory.createAPIResponses().addAPIResponse("409",
                        OASFactory.createAPIResponse().description("The thing cannot be renamed now")));
        Operation get = OASFactory.createOperation().operationId("listThings");
        OpenAPI api = document(post, get);

        PlatformConventions.apply(api);

        assertThat(post.getResponses().getAPIResponses()).containsKeys("400", "401", "403", "404", "409", "413",
                "415", "422", "500", "503");
        assertThat(get.getResponses().getAPIResponses()).containsOnlyKeys("500", "503");
        post.getResponses().getAPIResponses().forEach((status, response) -> assertThat(response.getContent()
                .getMediaType("application/problem+json").getSchema().getRef())
                .as(status).isEqualTo("#/components/schemas/Problem"));
        assertThat(post.getResponses().getAPIResponse("409").getDescription()).isEqualTo("The thing cannot be renamed now");
        assertThat(post.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errorId", "errors", "existingId",
                        "differingFields");
    }

    @Test
    void theDocumentNamesItsContactLicenseAndARelativeServerAndKeepsItsTitle() {
        OpenAPI api = document(OASFactory.createOperation(), OASFactory.createOperation());
        api.addServer(OASFactory.createServer().url("http://localhost:8081"));

        PlatformConventions.apply(api);

        assertThat(api.getInfo().getTitle()).isEqualTo("Some service API");
        assertThat(api.getInfo().getContact().getName()).isNotBlank();
        assertThat(api.getInfo().getLicense().getIdentifier()).isEqualTo("Apache-2.0");
        assertThat(api.getServers()).singleElement().satisfies(s -> assertThat(s.getUrl()).isEqualTo("/"));
    }
}
