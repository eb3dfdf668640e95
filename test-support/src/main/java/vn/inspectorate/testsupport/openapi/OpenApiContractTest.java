package vn.inspectorate.testsupport.openapi;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service's OpenAPI document must be: the committed one, with an operationId on every operation and none
 * twice. A module runs it with a {@code @QuarkusTest} subclass that names its document.
 */
public abstract class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The committed document's name: the module's name. */
    protected abstract String documentName();

    /** The document the service serves. */
    protected JsonNode served() throws IOException {
        byte[] body = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asByteArray();
        return JSON.readTree(body);
    }

    @Test
    void servedDocumentIsTheCommittedOne() throws IOException {
        OpenApiContract.assertMatchesCommitted(documentName(), served());
    }

    @Test
    void everyOperationHasItsOwnOperationId() throws IOException {
        List<String> problems = OpenApiContract.operationIdProblems(served());
        if (!problems.isEmpty()) {
            throw new AssertionError("operationIds:\n  " + String.join("\n  ", problems));
        }
    }
}
