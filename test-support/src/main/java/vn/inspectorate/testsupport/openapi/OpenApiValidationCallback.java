package vn.inspectorate.testsupport.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts the {@link OpenApiValidationFilter} in front of REST Assured for every {@code @QuarkusTest} of a module that
 * has a committed OpenAPI document (named by {@code quarkus.application.name}). Registered as a Quarkus test callback,
 * it runs in the class loader of the tests, so it reaches the REST Assured the tests use.
 * {@code inspectorate.openapi.validation.only-documented-paths=true} leaves alone paths the document does not name.
 */
public class OpenApiValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        // regenerating the documents: the committed ones are about to change
        if (OpenApiContract.writing()
                || RestAssured.filters().stream().anyMatch(OpenApiValidationFilter.class::isInstance)) {
            return;
        }
        var config = ConfigProvider.getConfig();
        String name = config.getOptionalValue("quarkus.application.name", String.class).orElse(null);
        if (name == null) {
            return;
        }
        CommittedOpenApi.read(name).ifPresent(document -> {
            boolean onlyDocumented = config.getOptionalValue("inspectorate.openapi.validation.only-documented-paths",
                    Boolean.class).orElse(false);
            RestAssured.filters(OpenApiValidationFilter.counting(name, document, onlyDocumented));
        });
    }
}
