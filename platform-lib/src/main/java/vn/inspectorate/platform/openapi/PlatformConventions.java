package vn.inspectorate.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import vn.inspectorate.platform.problem.Problem;

/**
 * The conventions every service's OpenAPI document follows: one shared RFC 9457 {@code Problem} schema as
 * {@code application/problem+json} on every 4xx and 5xx, the standard error answers each operation can give, the
 * platform's contact and license, the paging parameters and {@code Link} header of every list
 * ({@link PagingConventions}), and a relative server (the document describes the service it is served by).
 */
public final class PlatformConventions {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "ProblemFieldError";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    static final String CONTACT_NAME = "Government Inspectorate of Vietnam, platform team";
    static final String CONTACT_URL = "https://inspectorate.gov.vn";
    static final String LICENSE_NAME = "Apache License 2.0";
    static final String LICENSE_IDENTIFIER = "Apache-2.0";

    private PlatformConventions() {
    }

    public static void apply(OpenAPI api) {
        info(api);
        // the same document wherever it is built: not the host and port of one run
        api.setServers(List.of(OASFactory.createServer().url("/")
                .description("The address the document is served from; through the platform, the gateway's")));
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        addProblemSchemas(api.getComponents());
        PagingConventions.namePages(api);
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
                addStandardResponses(path.getKey(), operation, secured);
                problemsEverywhere(operation.getResponses());
                PagingConventions.describe(operation);
            }
        }
    }

    private static void info(OpenAPI api) {
        Info info = api.getInfo() == null ? OASFactory.createInfo() : api.getInfo();
        if (info.getContact() == null) {
            info.setContact(OASFactory.createContact().name(CONTACT_NAME).url(CONTACT_URL));
        }
        if (info.getLicense() == null) {
            info.setLicense(OASFactory.createLicense().name(LICENSE_NAME).identifier(LICENSE_IDENTIFIER));
        }
        api.setInfo(info);
    }

    /** The RFC 9457 problem every error answer carries, with the members the platform adds. */
    static void addProblemSchemas(Components components) {
        components.addSchema(FIELD_ERROR_SCHEMA, OASFactory.createSchema()
                .description("One offending field: its JSON path (e.g. cases[3].receivedOn) or parameter name, and"
                        + " what is wrong with it")
                .addType(Schema.SchemaType.OBJECT)
                .required(List.of("field", "message"))
                .addProperty("field", string())
                .addProperty("message", string()));
        components.addSchema(PROBLEM_SCHEMA, OASFactory.createSchema()
                .description("An RFC 9457 problem detail. Further members may appear (e.g. the commands a case allows"
                        + " now); a natural-key conflict names the existing record and the fields that differ.")
                .addType(Schema.SchemaType.OBJECT)
                .required(List.of("type", "title", "status"))
                .addProperty("type", string().format("uri")
                        .description("Identifies the kind of problem; ends with a stable slug"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string())
                .addProperty("instance", string().description("The request path the problem answers"))
                .addProperty("errorId", string()
                        .description("On a 500: the identifier of the failure in the service's logs"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)))
                .addProperty("existingId", string()
                        .description("On a natural-key conflict: the id of the record the key already names"))
                .addProperty("differingFields", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(string())
                        .description("On a natural-key conflict: the request's fields that differ from that record")));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static void addStandardResponses(String path, Operation operation, boolean secured) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean hasBody = operation.getRequestBody() != null;
        if (takesInput) {
            add(responses, "400", "The request is malformed, or a parameter or field is invalid; nothing changed");
        }
        if (secured) {
            add(responses, "401", "No valid bearer token");
            add(responses, "403", "The token's roles or province do not allow this");
        }
        if (path.contains("{")) {
            add(responses, "404", "No such resource, or none the caller may see");
        }
        if (answersContent(responses)) {
            add(responses, "406", "The Accept header names no media type this operation produces");
        }
        if (hasBody) {
            add(responses, "413", "The body is larger than the service accepts");
            add(responses, "415", "The body's Content-Type is not one this operation consumes");
            add(responses, "422", "The body is well-formed but cannot be applied, or an Idempotency-Key was reused"
                    + " with another body; nothing changed");
        }
        add(responses, "500", "An unexpected failure; errorId names it in the service's logs");
        if (!responses.hasAPIResponse("503")) {
            Header retryAfter = OASFactory.createHeader()
                    .description("Seconds after which the same request may be sent again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO));
            responses.addAPIResponse("503", OASFactory.createAPIResponse()
                    .description("The database is out of reach or the transaction lost to a concurrent one; nothing"
                            + " was written and the same request may be sent again")
                    .addHeader("Retry-After", retryAfter));
        }
    }

    private static boolean answersContent(APIResponses responses) {
        if (responses.getAPIResponses() == null) {
            return false;
        }
        return responses.getAPIResponses().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null
                        && e.getValue().getContent().getMediaTypes() != null
                        && !e.getValue().getContent().getMediaTypes().isEmpty());
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** Every 4xx and 5xx answer is a problem, whatever else declared it. */
    static void problemsEverywhere(APIResponses responses) {
        if (responses == null || responses.getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            char first = entry.getKey().charAt(0);
            if (first == '4' || first == '5') {
                APIResponse response = entry.getValue();
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription("Problem");
                }
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        }
    }
}
