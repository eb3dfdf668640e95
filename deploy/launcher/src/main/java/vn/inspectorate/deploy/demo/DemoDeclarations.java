package vn.inspectorate.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Officials of two Ha Noi departments and their asset declarations, registered and filed by Ha Noi's provincial
 * system: last year's annual declarations, a first-time declaration after a recent appointment, and a supplementary
 * declaration with an unexplained increase of 1.8 billion VND that raises a red flag; and the asset controller's plan
 * that selects last year's declarations of one department for verification. Declarants are keyed by citizen
 * id; a declaration by (declarant, kind, year), looked up before it is filed, and its creation carries an
 * {@code Idempotency-Key}.
 */
final class DemoDeclarations {

    /** Agency codes only demo data uses, so their figures are the demo's own. */
    static final String ENVIRONMENT = "HN-SO-NN-MT";
    static final String CONSTRUCTION = "HN-SO-XD";

    private record Official(String citizenId, String name, String agency, String position, String rank,
            LocalDate appointedOn, String address) {
    }

    private record Filing(Official official, String kind, int year, LocalDate declaredOn,
            List<Map<String, Object>> items) {
    }

    /** The central account that draws verification plans. */
    private static final String ASSET_CONTROLLER = "asset-controller";

    private final DemoGateway gateway;
    private final LocalDate today;
    private final Tally tally;

    DemoDeclarations(DemoGateway gateway, LocalDate today, Tally tally) {
        this.gateway = gateway;
        this.today = today;
        this.tally = tally;
    }

    void load() {
        DemoProvince p = DemoProvince.HA_NOI;
        int lastYear = today.getYear() - 1;
        LocalDate december = LocalDate.of(lastYear, Month.DECEMBER, 1);
        LocalDate supplementaryOn = today.minusDays(30);
        LocalDate firstTimeOn = today.minusDays(35);

        Official hung = new Official("001072004518", "Trần Văn Hùng", ENVIRONMENT, "Giám đốc Sở", "Chuyên viên cao cấp",
                LocalDate.of(2019, 3, 1), "Số 18 phố Lý Thường Kiệt, phường Cửa Nam, Hà Nội");
        Official lan = new Official("001180007731", "Nguyễn Thị Lan", ENVIRONMENT, "Phó Giám đốc Sở",
                "Chuyên viên chính", LocalDate.of(2021, 8, 16), "Số 7 ngõ 68 Cầu Giấy, phường Cầu Giấy, Hà Nội");
        Official tuan = new Official("001085011264", "Lê Minh Tuấn", ENVIRONMENT, "Trưởng phòng Quản lý đất đai",
                "Chuyên viên chính", LocalDate.of(2020, 1, 6), "Số 25 phố Kim Mã, phường Giảng Võ, Hà Nội");
        Official bao = new Official("001079002947", "Phạm Quốc Bảo", CONSTRUCTION, "Phó Giám đốc Sở",
                "Chuyên viên chính", today.minusDays(40), "Số 102 phố Lạc Long Quân, phường Tây Hồ, Hà Nội");
        Official ha = new Official("001183009052", "Đỗ Thu Hà", CONSTRUCTION, "Trưởng phòng Quản lý xây dựng",
                "Chuyên viên", LocalDate.of(2018, 5, 2), "Số 9 ngõ 12 Láng Hạ, phường Láng, Hà Nội");

        List<Filing> filings = List.of(
                new Filing(hung, "ANNUAL", lastYear, december.plusDays(14), List.of(
                        item("LAND", 2_100_000_000L, "2012-05-10", "Thửa đất ở 96 m² tại phường Cầu Giấy"),
                        item("HOUSE", 1_500_000_000L, "2014-09-01", "Nhà ở 4 tầng trên thửa đất"),
                        item("DEPOSIT", 600_000_000L, "2023-03-01", "Tiền gửi tiết kiệm"),
                        item("SALARY", 780_000_000L, null, "Tiền lương, phụ cấp"))),
                // 1.8 billion more, with no explanation: the red flag of an unexplained increase
                new Filing(hung, "SUPPLEMENTARY", supplementaryOn.getYear(), supplementaryOn, List.of(
                        item("LAND", 2_100_000_000L, "2012-05-10", "Thửa đất ở 96 m² tại phường Cầu Giấy"),
                        item("HOUSE", 1_500_000_000L, "2014-09-01", "Nhà ở 4 tầng trên thửa đất"),
                        item("DEPOSIT", 600_000_000L, "2023-03-01", "Tiền gửi tiết kiệm"),
                        item("LAND", 1_800_000_000L, supplementaryOn.minusDays(30).toString(),
                                "Thửa đất 120 m² tại xã Sóc Sơn"),
                        item("SALARY", 820_000_000L, null, "Tiền lương, phụ cấp"))),
                new Filing(lan, "ANNUAL", lastYear, december.plusDays(17), List.of(
                        item("LAND", 1_100_000_000L, "2016-11-20", "Thửa đất ở 52 m² tại phường Cầu Giấy"),
                        item("HOUSE", 1_500_000_000L, "2017-06-05", "Nhà ở 4 tầng trên thửa đất"),
                        item("VEHICLE", 650_000_000L, "2020-07-15", "Ô tô con 5 chỗ"),
                        item("SALARY", 640_000_000L, null, "Tiền lương, phụ cấp"))),
                new Filing(tuan, "ANNUAL", lastYear, december.plusDays(19), List.of(
                        item("LAND", 1_350_000_000L, "2017-04-03", "Thửa đất ở 60 m² tại xã Đông Anh"),
                        item("HOUSE", 900_000_000L, "2018-10-12", "Nhà ở 3 tầng trên thửa đất"),
                        item("SALARY", 520_000_000L, null, "Tiền lương, phụ cấp"))),
                new Filing(ha, "ANNUAL", lastYear, december.plusDays(21), List.of(
                        item("LAND", 1_900_000_000L, "2015-06-30", "Thửa đất ở 48 m² tại phường Láng"),
                        item("HOUSE", 1_200_000_000L, "2015-06-30", "Nhà ở 3 tầng trên thửa đất"),
                        item("GOLD", 310_000_000L, "2019-02-14", "Vàng SJC 3 lượng"),
                        item("SALARY", 560_000_000L, null, "Tiền lương, phụ cấp"))),
                new Filing(bao, "FIRST_TIME", firstTimeOn.getYear(), firstTimeOn, List.of(
                        item("LAND", 2_800_000_000L, "2010-08-08", "Thửa đất ở 110 m² tại phường Tây Hồ"),
                        item("HOUSE", 1_200_000_000L, "2011-12-01", "Nhà ở 3 tầng trên thửa đất"),
                        item("SECURITIES", 450_000_000L, "2021-05-20", "Cổ phiếu niêm yết"),
                        item("SALARY", 610_000_000L, null, "Tiền lương, phụ cấp"))));

        Map<String, String> declarants = new LinkedHashMap<>();
        Map<String, long[]> byAgency = new LinkedHashMap<>();  // submitted, flagged
        byAgency.put(ENVIRONMENT, new long[2]);
        byAgency.put(CONSTRUCTION, new long[2]);
        for (Filing f : filings) {
            String declarantId = declarants.computeIfAbsent(f.official().citizenId(), id -> register(p, f.official()));
            JsonNode submitted = file(p, declarantId, f);
            long[] counts = byAgency.get(f.official().agency());
            counts[0]++;
            counts[1] += submitted.path("flags").isEmpty() ? 0 : 1;
        }
        long selected = verificationPlan(ENVIRONMENT, lastYear);
        byAgency.forEach((agency, counts) -> tally.expect(new ExpectedFigures(p.code(), agency, december, today,
                Map.of("declarations.submitted", counts[0], "declarations.flagged", counts[1],
                        "declarations.selected", agency.equals(ENVIRONMENT) ? selected : 0L))));
    }

    /**
     * The asset controller's verification plan of the agency for the year: the draw selects that year's declarations
     * to verify. (agency, year) is the plan's natural key, so a second load gets the same plan back. Answers how many
     * declarations the plan selected, and keeps its id for the summary: the API reads a plan by id only.
     */
    private long verificationPlan(String agency, int year) {
        var answer = gateway.post(ASSET_CONTROLLER, "/api/v1/verification-plans",
                Map.of("agencyCode", agency, "year", year), 200, 201);
        tally.count(Tally.STEPS, answer.created());
        tally.verificationPlan(answer.body().path("id").asText());
        return answer.body().path("randomSelected").asLong() + answer.body().path("riskSelected").asLong();
    }

    private String register(DemoProvince p, Official o) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyCode", o.agency());
        body.put("provinceCode", p.code());
        body.put("position", o.position());
        body.put("rank", o.rank());
        body.put("annualDeclarationRequired", true);
        body.put("appointedOn", o.appointedOn().toString());
        body.put("fullName", o.name());
        body.put("citizenId", o.citizenId());
        body.put("address", o.address());
        var answer = gateway.post(p.client(), "/api/v1/declarants", body, 200, 201);
        tally.count(Tally.DECLARANTS, answer.created());
        return answer.body().path("id").asText();
    }

    /** Files and submits the declaration unless the declarant already has one of that kind and year. */
    private JsonNode file(DemoProvince p, String declarantId, Filing f) {
        JsonNode found = null;
        // a person's declarations fit one page: one a year at most, and the demo files two
        for (JsonNode d : gateway.get(p.client(), "/api/v1/declarations?declarantId=" + declarantId + "&size=200", 200)
                .body().path("items")) {
            if (f.kind().equals(d.path("kind").asText()) && d.path("year").asInt() == f.year()) {
                found = d;
            }
        }
        tally.count(Tally.DECLARATIONS, found == null);
        if (found == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("declarantId", declarantId);
            body.put("kind", f.kind());
            body.put("year", f.year());
            body.put("declaredOn", f.declaredOn().toString());
            body.put("items", f.items());
            found = gateway.postOnce(p.client(), "/api/v1/declarations",
                    "demo-declaration-" + f.official().citizenId() + "-" + f.kind() + "-" + f.year(), body, 200, 201)
                    .body();
        }
        boolean submit = "DRAFT".equals(found.path("status").asText());
        tally.count(Tally.STEPS, submit);
        return submit
                ? gateway.post(p.client(), "/api/v1/declarations/" + found.path("id").asText() + "/submission", null,
                        200).body()
                : found;
    }

    private static Map<String, Object> item(String category, long value, String acquiredOn, String description) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("category", category);
        item.put("valueVnd", value);
        if (acquiredOn != null) {
            item.put("acquiredOn", acquiredOn);
        }
        item.put("description", description);
        return item;
    }
}
