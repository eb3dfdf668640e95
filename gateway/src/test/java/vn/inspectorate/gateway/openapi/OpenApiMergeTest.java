package vn.inspectorate.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode doc(String path, String operationId, String schemaName, String schemaType) throws Exception {
        return JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "%s", "version": "1"},
                 "paths": {"%s": {"post": {"operationId": "%s", "security": [{"SecurityScheme": []}],
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/%s"}}}},
                   "responses": {"200": {"description": "OK"}}}}},
                 "components": {"schemas": {
                   "%s": {"type": "%s"},
                   "Problem": {"type": "object"}}}}
                """.formatted(operationId, path, operationId, schemaName, schemaName, schemaType));
    }

    @Test
    void aNameDefinedDifferentlyIsAClashAndNeitherBodyIsServedInTheOthersPlace() throws Exception {
        JsonNode gateway = JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "Gateway", "version": "1"}, "paths": {},
                 "components": {"schemas": {"Problem": {"type": "object"}}}}""");
        var result = OpenApiMerge.merge(gateway, Map.of(
                "complaints", doc("/api/v1/cases/{id}/close", "closeCase", "Close", "object"),
                "inspection", doc("/api/v1/inspections/{id}/close", "closeInspection", "Close", "string")));

        assertThat(result.clashes()).containsExactly("schema Close of inspection differs from the one of complaints");
        JsonNode merged = result.document();
        assertThat(merged.at("/components/schemas/Close/type").asText()).isEqualTo("object");
        assertThat(merged.at("/components/schemas/inspection.Close/type").asText()).isEqualTo("string");
        assertThat(merged.at("/paths/~1api~1v1~1inspections~1{id}~1close/post/requestBody/content/application~1json"
                + "/schema/$ref").asText()).isEqualTo("#/components/schemas/inspection.Close");
        assertThat(merged.at("/paths/~1api~1v1~1cases~1{id}~1close/post/requestBody/content/application~1json"
                + "/schema/$ref").asText()).isEqualTo("#/components/schemas/Close");
    }

    @Test
    void identicalDefinitionsAreNoClashAndEveryRoutedOperationDocumentsTheGatewaysOwnAnswers() throws Exception {
        JsonNode gateway = JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "Gateway", "version": "1"}, "paths": {},
                 "components": {"schemas": {"Problem": {"type": "object"}}}}""");
        var result = OpenApiMerge.merge(gateway, Map.of(
                "complaints", doc("/api/v1/cases", "fileCase", "CaseSubmission", "object"),
                "reporting", doc("/api/v1/reports/publications", "publishReport", "ReportPublishRequest", "object")));

        assertThat(result.clashes()).isEmpty();
        JsonNode responses = result.document().at("/paths/~1api~1v1~1cases/post/responses");
        assertThat(responses.path("429").path("headers").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("Retry-After", "RateLimit-Policy", "RateLimit");
        assertThat(responses.path("401").path("headers").has("WWW-Authenticate")).isTrue();
        for (String status : new String[] {"401", "429", "502", "503", "504"}) {
            assertThat(responses.path(status).at("/content/application~1problem+json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(result.document().at("/info/title").asText()).isEqualTo("Gateway");
    }

    @Test
    void aPublicOperationHasNoTokenToRefuseButIsStillLimited() throws Exception {
        JsonNode gateway = JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "Gateway", "version": "1"}, "paths": {},
                 "components": {"schemas": {"Problem": {"type": "object"}}}}""");
        JsonNode declarations = JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "declarations", "version": "1"},
                 "paths": {"/api/v1/public-declarations/{id}": {"get": {"operationId": "getPublicDeclaration",
                   "responses": {"200": {"description": "OK"}}}}},
                 "components": {"schemas": {"Problem": {"type": "object"}}}}""");
        JsonNode responses = OpenApiMerge.merge(gateway, Map.of("declarations", declarations)).document()
                .at("/paths/~1api~1v1~1public-declarations~1{id}/get/responses");
        assertThat(responses.has("401")).isFalse();
        assertThat(responses.path("429").path("headers").has("Retry-After")).isTrue();
    }
}
