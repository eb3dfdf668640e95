package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every list pages the same way through the gateway, without loss over more than 1,000 rows: 1,100 cases filed in two
 * batches are each read exactly once by following the {@code Link: rel="next"} headers of the case list and of the
 * report drill-down behind their figure, and the declaration, declarant and inspection lists page the same way. Every
 * link points at the gateway, never at a service.
 */
class ListsPageThroughGatewayTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int CASES = 1_100;
    private static final int BATCH = 550;
    private static final int SMALL = 12;
    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([a-z]+)\"");

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void everyListPagesWithoutLossThroughTheGateway() {
        LocalDate today = LocalDate.now(VIETNAM);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String hanoi = RunningPlatform.clientToken("province-hn");
        String inspector = RunningPlatform.userToken("inspector-hn");
        String analyst = RunningPlatform.userToken("analyst");

        List<String> cases = new ArrayList<>();
        for (int b = 0; b < CASES / BATCH; b++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                // a few days of this year only, so hundreds of cases share a day and the id orders them across pages
                LocalDate received = today.minusDays(i % 3);
                items.add(complaint("e2e-pages-" + suffix + "-" + b + "-" + i,
                        received.getYear() == today.getYear() ? received : today));
            }
            List<String> created = given().auth().oauth2(hanoi).contentType(ContentType.JSON)
                    .body(Map.of("cases", items)).post(gateway + "/api/v1/cases/batch").then().statusCode(200)
                    .body("created", equalTo(BATCH)).extract().jsonPath()
                    .getList("results.caseId", String.class);
            cases.addAll(created);
        }
        assertThat(cases).hasSize(CASES).doesNotHaveDuplicates();

        Paged caseList = readAll(hanoi, gateway + "/api/v1/cases?size=200");
        assertThat(caseList.ids).doesNotHaveDuplicates().containsAll(cases).hasSize((int) caseList.firstTotal);
        assertThat(caseList.pages).isGreaterThan(CASES / 200);

        // the same cases behind the report's figure, once reporting has counted them
        String drill = gateway + "/api/v1/reports/drill-down?figure=cases.received&calendar=calendar&period="
                + today.getYear() + "&province=VN-HN&size=1000";
        Paged counted = Eventually.poll("reporting counts the " + CASES + " cases", Duration.ofSeconds(120),
                () -> readAll(analyst, drill, "recordIds"), p -> p.ids.containsAll(cases));
        Paged drilled = readAll(analyst, drill.replace("size=1000", "size=200"), "recordIds");
        assertThat(drilled.ids).doesNotHaveDuplicates().containsAll(cases).containsAll(counted.ids);
        assertThat(drilled.pages).isGreaterThan(CASES / 200);

        // declarants and declarations of an agency only this test uses
        String agency = "E2E-PG-" + suffix.toUpperCase();
        List<String> declarants = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        for (int i = 0; i < SMALL; i++) {
            String declarant = given().auth().oauth2(hanoi).contentType(ContentType.JSON).body(official(agency))
                    .post(gateway + "/api/v1/declarants").then().statusCode(201).extract().path("id");
            declarants.add(declarant);
            declarations.add(given().auth().oauth2(hanoi).contentType(ContentType.JSON)
                    .body(Map.of("declarantId", declarant, "kind", "ANNUAL", "year", 2025, "declaredOn",
                            "2025-12-" + (10 + i % 2), "items", List.of(
                                    Map.of("category", "LAND", "valueVnd", 900_000_000L, "acquiredOn", "2015-03-01"),
                                    Map.of("category", "SALARY", "valueVnd", 600_000_000L))))
                    .post(gateway + "/api/v1/declarations").then().statusCode(201).extract().path("id"));
        }
        Paged declarantList = readAll(hanoi, gateway + "/api/v1/declarants?agency=" + agency + "&size=5");
        assertThat(declarantList.ids).containsExactlyInAnyOrderElementsOf(declarants);
        assertThat(declarantList.pages).isEqualTo(3);
        Paged declarationList = readAll(hanoi, gateway + "/api/v1/declarations?agency=" + agency + "&size=5");
        assertThat(declarationList.ids).containsExactlyInAnyOrderElementsOf(declarations);
        assertThat(declarationList.firstTotal).isEqualTo(SMALL);

        // inspections opened in Ha Noi, among those other tests opened
        List<String> inspections = new ArrayList<>();
        for (int i = 0; i < SMALL; i++) {
            inspections.add(given().auth().oauth2(inspector).contentType(ContentType.JSON)
                    .body(opening("E2E-PG-" + suffix + "-" + i, "E2E-PGE-" + suffix + "-" + i, today))
                    .post(gateway + "/api/v1/inspections").then().statusCode(201).extract().path("id"));
        }
        Paged inspectionList = readAll(inspector, gateway + "/api/v1/inspections?province=VN-HN&size=5");
        assertThat(inspectionList.ids).doesNotHaveDuplicates().containsAll(inspections)
                .hasSize((int) inspectionList.firstTotal);

        // a page larger than the maximum is refused, never cut short
        given().auth().oauth2(hanoi).get(gateway + "/api/v1/declarations?size=201").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("size"));
    }

    /** What following the next links from a first page read. */
    record Paged(List<String> ids, int pages, long firstTotal) {
    }

    private Paged readAll(String token, String first) {
        return readAll(token, first, "items.id");
    }

    private Paged readAll(String token, String first, String idsPath) {
        List<String> ids = new ArrayList<>();
        String url = first;
        int pages = 0;
        long total = -1;
        while (url != null) {
            String current = url;
            Response page = given().auth().oauth2(token).get(current);
            assertThat(page.statusCode()).as(current).isEqualTo(200);
            ids.addAll(page.jsonPath().getList(idsPath, String.class));
            if (pages == 0 && page.jsonPath().get("total") != null) {
                total = page.jsonPath().getLong("total");
            }
            Map<String, String> links = links(page.header("Link"));
            assertThat(links.get("first")).as("first link of " + current).startsWith(gateway + "/api/v1/");
            url = links.get("next");
            if (url != null) {
                assertThat(url).as("next link of " + current).startsWith(gateway + "/api/v1/");
            }
            assertThat(++pages).isLessThan(500);
        }
        return new Paged(ids, pages, total);
    }

    private static Map<String, String> links(String header) {
        Map<String, String> links = new LinkedHashMap<>();
        if (header != null) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                links.put(m.group(2), m.group(1));
            }
        }
        return links;
    }

    private static Map<String, Object> complaint(String reference, LocalDate receivedOn) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sourceSystem", "hn-portal");
        c.put("sourceReference", reference);
        c.put("provinceCode", "VN-HN");
        c.put("receivingBodyCode", "E2E-PAGES");
        c.put("channel", "ONLINE");
        c.put("kind", "COMPLAINT");
        c.put("receivedOn", receivedOn.toString());
        c.put("subject", "Compensation for recovered land " + reference);
        c.put("complainant", Map.of("fullName", "Tran Thi Trang", "idNumber", "001077000444", "address",
                "3 Trang Tien, Hoan Kiem"));
        return c;
    }

    private static Map<String, Object> official(String agency) {
        Map<String, Object> official = new LinkedHashMap<>();
        official.put("agencyCode", agency);
        official.put("provinceCode", "VN-HN");
        official.put("position", "Deputy Director");
        official.put("rank", "Inspector");
        official.put("annualDeclarationRequired", true);
        official.put("appointedOn", "2021-03-01");
        official.put("fullName", "Le Van Trang");
        official.put("citizenId", String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        official.put("address", "5 Trang Thi, Hoan Kiem");
        return official;
    }

    private static Map<String, Object> opening(String decision, String entity, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bodyCode", "TTT-HN");
        body.put("decisionNumber", decision);
        body.put("decisionDate", today.toString());
        body.put("legalBasis", "Law on Inspection 11/2022, Art. 47");
        body.put("team", List.of(Map.of("name", "Team lead", "role", "LEAD")));
        body.put("type", "INSPECTION");
        body.put("subject", "PUBLIC_DUTIES");
        body.put("entity", Map.of("code", entity, "kind", "PUBLIC_BODY", "name", "Ward people's committee " + entity,
                "provinceCode", "VN-HN"));
        return body;
    }
}
