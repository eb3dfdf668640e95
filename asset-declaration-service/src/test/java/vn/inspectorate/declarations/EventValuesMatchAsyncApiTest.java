package vn.inspectorate.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.inspectorate.declarations.declarations.DeclarationKind;
import vn.inspectorate.declarations.verification.Verification;
import vn.inspectorate.testsupport.AsyncApiSchemas;

/** The AsyncAPI document lists exactly the coded values this service can write into its events. */
class EventValuesMatchAsyncApiTest {

    @Test
    void everyDeclarationKindIsListed() {
        for (String schema : List.of("DeclarationSubmitted", "DeclarationFlagged", "DeclarationVerificationSelected",
                "DeclarationVerified")) {
            assertThat(AsyncApiSchemas.enumValues(schema, "kind")).as(schema + ".kind")
                    .containsExactlyInAnyOrderElementsOf(names(DeclarationKind.values()));
        }
    }

    @Test
    void everyVerificationGroundAndConclusionIsListed() {
        assertThat(AsyncApiSchemas.enumValues("DeclarationVerificationSelected", "ground"))
                .containsExactlyInAnyOrderElementsOf(names(Verification.Ground.values()));
        assertThat(AsyncApiSchemas.enumValues("DeclarationVerified", "conclusion"))
                .containsExactlyInAnyOrderElementsOf(names(Verification.Conclusion.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
