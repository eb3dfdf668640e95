package vn.inspectorate.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each demo province's inspection plan for this year and a few inspections: Ha Noi's plan is approved by its head and
 * two of its items are opened, one concluded with figures; in both provinces an inspection is opened from an accepted
 * denunciation, and Ninh Binh's is concluded, which resolves the denunciation. Plans are keyed by (body, year) and
 * inspections by (body, decision number), so a second load finds them and only takes the steps still missing.
 */
final class DemoInspections {

    private record Entity(String code, String kind, String name) {
    }

    private record PlanItem(Entity entity, String subject, String type, LocalDate start, int days) {
    }

    /** An inspection to open: from a planned item, from a case, or ad hoc; and the status it should reach. */
    private record Opening(String decisionNumber, LocalDate decisionDate, String type, String subject, Entity entity,
            PlanItem planned, String caseId, Target target, Map<String, Object> conclusion) {
    }

    private enum Target {
        OPENED, IN_PROGRESS, CONCLUDED
    }

    private static final Entity DONG_ANH = new Entity("HN-UBND-XA-DONG-ANH", "PUBLIC_BODY",
            "Ủy ban nhân dân xã Đông Anh");
    private static final Entity THANG_LONG = new Entity("0101245486", "ENTERPRISE",
            "Công ty cổ phần Đầu tư và Xây dựng Thăng Long Xanh");
    private static final Entity SO_Y_TE = new Entity("HN-SO-Y-TE", "PUBLIC_BODY", "Sở Y tế thành phố Hà Nội");
    private static final Entity BQL_GIAO_THONG = new Entity("HN-BQLDA-GIAO-THONG", "PUBLIC_BODY",
            "Ban Quản lý dự án đầu tư xây dựng công trình giao thông thành phố Hà Nội");
    private static final Entity SOC_SON = new Entity("HN-UBND-XA-SOC-SON", "PUBLIC_BODY", "Ủy ban nhân dân xã Sóc Sơn");
    private static final Entity NB_NONG_NGHIEP = new Entity("NB-SO-NN-MT", "PUBLIC_BODY",
            "Sở Nông nghiệp và Môi trường tỉnh Ninh Bình");
    private static final Entity DA_TAM_DIEP = new Entity("2700285642", "ENTERPRISE",
            "Công ty TNHH Khai thác đá Tam Điệp Xanh");
    private static final Entity GIA_SINH = new Entity("NB-UBND-XA-GIA-SINH", "PUBLIC_BODY",
            "Ủy ban nhân dân xã Gia Sinh");
    private static final Entity HOANG_LONG = new Entity("2700698514", "ENTERPRISE",
            "Công ty TNHH Vật liệu xây dựng Hoàng Long Phát");

    private final DemoGateway gateway;
    private final LocalDate today;
    private final Tally tally;

    DemoInspections(DemoGateway gateway, LocalDate today, Tally tally) {
        this.gateway = gateway;
        this.today = today;
        this.tally = tally;
    }

    void loadHaNoi(String denunciationId) {
        DemoProvince p = DemoProvince.HA_NOI;
        PlanItem land = new PlanItem(DONG_ANH, "LAND", "INSPECTION", inPlanYear(today.minusDays(50)), 45);
        PlanItem construction = new PlanItem(THANG_LONG, "CONSTRUCTION", "INSPECTION",
                inPlanYear(today.minusDays(10)), 45);
        PlanItem procurement = new PlanItem(SO_Y_TE, "PUBLIC_PROCUREMENT", "INSPECTION",
                LocalDate.of(today.getYear(), Month.DECEMBER, 1), 45);
        Map<String, String> items = plan(p, List.of(land, construction, procurement));
        List<Opening> openings = List.of(
                new Opening("86/QĐ-TTTP", today.minusDays(50), land.type(), land.subject(), land.entity(), land, null,
                        Target.CONCLUDED, conclusionHaNoi()),
                new Opening("174/QĐ-TTTP", today.minusDays(20), "INSPECTION", "LAND", SOC_SON, null,
                        denunciationId, Target.IN_PROGRESS, null),
                new Opening("201/QĐ-TTTP", today.minusDays(10), construction.type(), construction.subject(),
                        construction.entity(), construction, null, Target.IN_PROGRESS, null),
                // decided 70 days ago and still running: past its 45 days, an overrun
                new Opening("63/QĐ-TTTP", inPlanYear(today.minusDays(70)), "INSPECTION", "CONSTRUCTION",
                        BQL_GIAO_THONG, null, null, Target.IN_PROGRESS, null));
        open(p, items, openings);
    }

    void loadNinhBinh(String denunciationId) {
        DemoProvince p = DemoProvince.NINH_BINH;
        PlanItem land = new PlanItem(NB_NONG_NGHIEP, "LAND", "INSPECTION",
                LocalDate.of(today.getYear(), Month.DECEMBER, 1), 45);
        PlanItem minerals = new PlanItem(DA_TAM_DIEP, "MINERALS", "INSPECTION",
                LocalDate.of(today.getYear(), Month.DECEMBER, 10), 30);
        Map<String, String> items = plan(p, List.of(land, minerals));
        List<Opening> openings = List.of(
                new Opening("45/QĐ-TTT", today.minusDays(30), "INSPECTION", "LAND", GIA_SINH, null,
                        denunciationId, Target.CONCLUDED, conclusionNinhBinh()),
                new Opening("52/QĐ-TTT", today.minusDays(15), "INSPECTION", "ENVIRONMENT", HOANG_LONG, null, null,
                        Target.OPENED, null));
        open(p, items, openings);
    }

    /** The plan of the province's inspectorate for this year, drafted, submitted and approved where a head can. */
    private Map<String, String> plan(DemoProvince p, List<PlanItem> planItems) {
        var created = gateway.post(p.inspector(), "/api/v1/inspection-plans",
                Map.of("bodyCode", p.inspectorate(), "year", today.getYear()), 200, 201);
        tally.count(Tally.PLANS, created.created());
        String planId = created.body().path("id").asText();
        JsonNode plan = created.body();
        if ("DRAFT".equals(plan.path("status").asText())) {
            for (PlanItem item : planItems) {
                var added = gateway.post(p.inspector(), "/api/v1/inspection-plans/" + planId + "/inspections",
                        Map.of("entity", entity(item.entity(), p), "subject", item.subject(), "type", item.type(),
                                "plannedStart", item.start().toString(), "durationDays", item.days()), 200, 201, 409);
                if (added.status() == 409) {
                    gateway.existingId(added);  // the item of an earlier day's load, with that day's dates
                }
                tally.count(Tally.STEPS, added.created());
            }
            plan = gateway.post(p.inspector(), "/api/v1/inspection-plans/" + planId + "/submission", null, 200).body();
            tally.count(Tally.STEPS, true);
        } else {
            planItems.forEach(item -> tally.count(Tally.STEPS, false));
            tally.count(Tally.STEPS, false);
        }
        if (p.approver() != null) {
            boolean approve = "SUBMITTED".equals(plan.path("status").asText());
            if (approve) {
                plan = gateway.post(p.approver(), "/api/v1/inspection-plans/" + planId + "/approval", null, 200).body();
            }
            tally.count(Tally.STEPS, approve);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode item : plan.path("inspections")) {
            ids.put(item.path("entityCode").asText() + "/" + item.path("subject").asText(), item.path("id").asText());
        }
        return ids;
    }

    private void open(DemoProvince p, Map<String, String> plannedIds, List<Opening> openings) {
        List<JsonNode> concluded = new ArrayList<>();
        int opened = 0;
        int planned = 0;
        for (Opening o : openings) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("bodyCode", p.inspectorate());
            body.put("decisionNumber", o.decisionNumber());
            body.put("decisionDate", o.decisionDate().toString());
            body.put("legalBasis", o.caseId() != null
                    ? "Luật Thanh tra 11/2022, Điều 47; Luật Tố cáo 25/2018"
                    : "Luật Thanh tra 11/2022, Điều 47; Kế hoạch thanh tra năm " + today.getYear());
            body.put("team", List.of(Map.of("name", "Trưởng đoàn thanh tra", "role", "LEAD"),
                    Map.of("name", "Thanh tra viên chính", "role", "MEMBER"),
                    Map.of("name", "Thanh tra viên", "role", "MEMBER")));
            body.put("type", o.type());
            body.put("subject", o.subject());
            body.put("entity", entity(o.entity(), p));
            if (o.planned() != null) {
                String key = o.planned().entity().code() + "/" + o.planned().subject();
                String itemId = plannedIds.get(key);
                if (itemId == null) {
                    throw new DemoDataException("the " + today.getYear() + " plan of " + p.inspectorate()
                            + " has no planned inspection of " + key + " (the plan was made before, without it)");
                }
                body.put("plannedInspectionId", itemId);
            }
            if (o.caseId() != null) {
                body.put("caseIds", List.of(o.caseId()));
            }
            var answer = openWhenCasesKnown(p, body);
            tally.count(Tally.INSPECTIONS, answer.created());
            JsonNode inspection = advance(p, answer.body(), o);
            opened++;
            planned += o.planned() != null ? 1 : 0;
            if (o.target() == Target.CONCLUDED) {
                concluded.add(inspection.path("conclusion"));
            }
        }
        long recovered = 0;
        for (JsonNode conclusion : concluded) {
            recovered += recoverPart(p, conclusion);
        }
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("inspections.opened", (long) opened);
        values.put("inspections.planned", (long) planned);
        values.put("inspections.ad_hoc", (long) (opened - planned));
        // this year's inspections are of the one kind the law knows from 1 July 2025
        values.put("inspections.inspection", (long) opened);
        values.put("inspections.conclusions", (long) concluded.size());
        values.put("inspections.violations_vnd", sum(concluded, "violationsVnd"));
        values.put("inspections.violations_land_m2", sum(concluded, "violationsLandM2"));
        values.put("inspections.recovery_recommended_vnd", sum(concluded, "recoveryRecommendedVnd"));
        values.put("inspections.recovery_recommended_land_m2", sum(concluded, "recoveryRecommendedLandM2"));
        values.put("inspections.units_covered", sum(concluded, "unitsCovered"));
        values.put("inspections.responsible_organisations", sum(concluded, "responsibleOrganisationsCount"));
        values.put("inspections.responsible_individuals", sum(concluded, "responsibleIndividualsCount"));
        values.put("inspections.recovered_vnd", recovered);
        values.put("inspections.transfers_to_investigation",
                concluded.stream().mapToLong(c -> c.path("transfers").size()).sum());
        LocalDate from = openings.stream().map(Opening::decisionDate).min(LocalDate::compareTo).orElse(today);
        // the inspectorates are shared with every other user of the platform: the demo's days end yesterday
        tally.expect(new ExpectedFigures(p.code(), p.inspectorate(), from, today.minusDays(1), values));
    }

    /**
     * Records a part of the money the conclusion's first recovery recommendation asks back, paid the day after the
     * conclusion, so the recommendation is overdue with money still outstanding. The payment reference is the natural
     * key: a second load finds the payment (a load on a later day meets it under the same reference with the first
     * day's date). Answers the amount recovered.
     */
    private long recoverPart(DemoProvince p, JsonNode conclusion) {
        for (JsonNode r : conclusion.path("recommendations")) {
            long amount = r.path("amountVnd").asLong();
            if ("RECOVERY".equals(r.path("kind").asText()) && amount > 0) {
                long part = amount / 5 * 2;
                String concludedOn = conclusion.path("concludedOn").asText();
                Map<String, Object> body = Map.of("reference", "demo-" + conclusion.path("conclusionNumber").asText()
                        + "-PT-01", "amountVnd", part, "paidOn", LocalDate.parse(concludedOn).plusDays(1).toString());
                var answer = gateway.post(p.inspector(), "/api/v1/recommendations/" + r.path("id").asText()
                        + "/payments", body, 200, 201, 409);
                if (answer.status() == 409) {
                    gateway.existingId(answer);
                }
                tally.count(Tally.STEPS, answer.created());
                return part;
            }
        }
        return 0;
    }

    /** Opens the inspection; one opened from a case waits until the case's events reached the inspection service. */
    private DemoGateway.Answer openWhenCasesKnown(DemoProvince p, Map<String, Object> body) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            var answer = gateway.post(p.inspector(), "/api/v1/inspections", body, 200, 201, 409, 422);
            if (answer.status() == 409) {
                // loaded on an earlier day, whose dates the demo's decision no longer matches: carry on with that one
                return gateway.get(p.inspector(), "/api/v1/inspections/" + gateway.existingId(answer), 200);
            }
            if (answer.status() != 422) {
                return answer;
            }
            boolean caseUnknown = answer.body() != null
                    && answer.body().path("errors").path(0).path("field").asText().startsWith("caseIds");
            if (!caseUnknown || System.nanoTime() > deadline) {
                throw new DemoDataException("POST /api/v1/inspections as " + p.inspector() + ": 422 "
                        + answer.body().path("detail").asText() + " " + answer.body().path("errors"));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoDataException("interrupted while waiting for the inspection service to hear of a case");
            }
        }
    }

    /** Takes the inspection from where it is to its target: start, team report, conclusion. */
    private JsonNode advance(DemoProvince p, JsonNode inspection, Opening o) {
        String id = inspection.path("id").asText();
        String path = "/api/v1/inspections/" + id;
        String status = inspection.path("status").asText();
        if (o.target() == Target.OPENED) {
            return inspection;
        }
        boolean start = "OPENED".equals(status);
        if (start) {
            inspection = gateway.post(p.inspector(), path + "/start",
                    Map.of("startedOn", o.decisionDate().plusDays(2).toString()), 200).body();
        }
        tally.count(Tally.STEPS, start);
        if (o.target() == Target.IN_PROGRESS) {
            return inspection;
        }
        status = inspection.path("status").asText();
        boolean report = "IN_PROGRESS".equals(status) || "EXTENDED".equals(status);
        if (report) {
            inspection = gateway.post(p.inspector(), path + "/report",
                    Map.of("submittedOn", today.minusDays(8).toString()), 200).body();
        }
        tally.count(Tally.STEPS, report);
        boolean conclude = "REPORT_SUBMITTED".equals(inspection.path("status").asText());
        if (conclude) {
            inspection = gateway.post(p.inspector(), path + "/conclusion", o.conclusion(), 200, 201).body();
        }
        tally.count(Tally.CONCLUSIONS, conclude);
        return inspection;
    }

    private Map<String, Object> conclusionHaNoi() {
        LocalDate on = today.minusDays(5);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("conclusionNumber", "92/KL-TTTP");
        c.put("concludedOn", on.toString());
        c.put("assessment", "UBND xã Đông Anh cho thuê đất công ích không qua đấu giá và chi hỗ trợ sai đối tượng, "
                + "sai định mức trong giai đoạn 2023-2025.");
        c.put("unitsCovered", 4);
        c.put("items", List.of(
                Map.of("subject", "Quản lý, cho thuê đất công ích", "finding",
                        "Cho 3 hộ kinh doanh thuê 12.500 m² đất công ích không qua đấu giá; "
                                + "tiền thuê không nộp ngân sách",
                        "violationsVnd", 4_820_000_000L, "violationsLandM2", 12_500L),
                Map.of("subject", "Thu, chi ngân sách xã", "finding", "Chi hỗ trợ sai đối tượng, sai định mức",
                        "violationsVnd", 1_265_000_000L, "violationsLandM2", 0L)));
        c.put("recommendations", List.of(
                Map.of("kind", "RECOVERY", "description", "Thu hồi nộp ngân sách nhà nước số tiền chi sai chế độ",
                        "addressee", "Ủy ban nhân dân xã Đông Anh", "amountVnd", 1_265_000_000L,
                        "dueOn", on.plusDays(3).toString()),  // past due, with part of it recovered
                Map.of("kind", "RECOVERY", "description", "Chấm dứt các hợp đồng cho thuê trái quy định, thu hồi đất",
                        "addressee", "Ủy ban nhân dân xã Đông Anh", "landM2", 12_500L,
                        "dueOn", on.plusDays(60).toString()),
                Map.of("kind", "ADMINISTRATIVE", "description", "Rà soát, lập lại quy trình quản lý quỹ đất công ích",
                        "addressee", "Ủy ban nhân dân xã Đông Anh", "dueOn", on.plusDays(60).toString()),
                Map.of("kind", "DISCIPLINARY", "description", "Kiểm điểm trách nhiệm tập thể, cá nhân có liên quan",
                        "addressee", "Chủ tịch Ủy ban nhân dân xã Đông Anh", "individualsCount", 3,
                        "dueOn", on.plusDays(60).toString())));
        c.put("responsibleOrganisations", List.of(Map.of("reference", "UBND-XA-DONG-ANH",
                "role", "đơn vị cho thuê đất")));
        c.put("responsibleIndividuals", List.of(Map.of("reference", "CB-DA-01", "role", "Chủ tịch UBND xã"),
                Map.of("reference", "CB-DA-02", "role", "công chức địa chính"),
                Map.of("reference", "CB-DA-03", "role", "kế toán ngân sách xã")));
        c.put("published", false);
        return c;
    }

    private Map<String, Object> conclusionNinhBinh() {
        LocalDate on = today.minusDays(3);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("conclusionNumber", "31/KL-TTT");
        c.put("concludedOn", on.toString());
        c.put("assessment", "Nội dung tố cáo đúng một phần: giao đất ở không qua đấu giá và miễn, giảm tiền sử dụng "
                + "đất sai quy định tại xã Gia Sinh.");
        c.put("unitsCovered", 2);
        c.put("items", List.of(
                Map.of("subject", "Giao đất ở", "finding", "Giao 3.200 m² đất ở không qua đấu giá quyền sử dụng đất",
                        "violationsVnd", 2_150_000_000L, "violationsLandM2", 3_200L),
                Map.of("subject", "Thu tiền sử dụng đất", "finding", "Miễn, giảm tiền sử dụng đất sai quy định",
                        "violationsVnd", 875_000_000L, "violationsLandM2", 0L)));
        c.put("recommendations", List.of(
                Map.of("kind", "RECOVERY", "description", "Thu hồi tiền sử dụng đất đã miễn, giảm sai quy định",
                        "addressee", "Ủy ban nhân dân xã Gia Sinh", "amountVnd", 875_000_000L,
                        "dueOn", on.plusDays(2).toString()),  // past due, with part of it recovered
                Map.of("kind", "DISCIPLINARY", "description", "Xử lý kỷ luật cán bộ có sai phạm",
                        "addressee", "Ủy ban nhân dân tỉnh Ninh Bình", "individualsCount", 2,
                        "dueOn", on.plusDays(60).toString())));
        c.put("responsibleOrganisations", List.of(Map.of("reference", "UBND-XA-GIA-SINH", "role", "đơn vị giao đất")));
        c.put("responsibleIndividuals", List.of(Map.of("reference", "CB-GS-01", "role", "Chủ tịch UBND xã"),
                Map.of("reference", "CB-GS-02", "role", "công chức địa chính - xây dựng")));
        c.put("transfers", List.of(Map.of("matter", "Dấu hiệu vi phạm quy định về quản lý đất đai",
                "toBody", "Cơ quan Cảnh sát điều tra Công an tỉnh Ninh Bình", "transferredOn", on.toString())));
        c.put("published", false);
        return c;
    }

    private static Map<String, Object> entity(Entity e, DemoProvince p) {
        return Map.of("code", e.code(), "kind", e.kind(), "name", e.name(), "provinceCode", p.code());
    }

    private static long sum(List<JsonNode> concluded, String field) {
        return concluded.stream().mapToLong(c -> c.path(field).asLong()).sum();
    }

    /** A date of this year: the plan of this year holds only inspections that start in it. */
    private LocalDate inPlanYear(LocalDate date) {
        LocalDate first = LocalDate.of(today.getYear(), Month.JANUARY, 1);
        return date.isBefore(first) ? first : date;
    }
}
