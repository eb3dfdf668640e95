package vn.inspectorate.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo provinces' citizen cases: complaints, denunciations, petitions and reflections received over the last five
 * months, posted in one batch by the province's system and moved through their lifecycle by its inspector. Source
 * references are stable, so a second load finds every case (the batch answers {@code DUPLICATE}, or {@code CONFLICT}
 * on a later day, whose relative dates differ) and only moves on those that have not reached their step yet.
 */
final class DemoCases {

    /** Where a demo case ends up. The two inspection paths are accepted denunciations an inspection is opened from. */
    enum Path {
        RECEIVED, CLASSIFIED, ACCEPTED, RESOLVED, NOT_ACCEPTED, INSPECTION_RUNNING, INSPECTION_CONCLUDED;

        boolean accepted() {
            return this == ACCEPTED || this == RESOLVED || this == INSPECTION_RUNNING || this == INSPECTION_CONCLUDED;
        }

        boolean resolved() {
            return this == RESOLVED || this == INSPECTION_CONCLUDED;
        }
    }

    /** One demo case: kind, how many days ago it was received, where it ends up, channel, complainants, subject. */
    record Spec(String kind, int daysAgo, Path path, String channel, int complainants, String subject) {
    }

    private static final String C = "COMPLAINT";
    private static final String D = "DENUNCIATION";
    private static final String P = "PETITION";
    private static final String R = "REFLECTION";

    static final List<Spec> HA_NOI = List.of(
            new Spec(C, 150, Path.RESOLVED, "LETTER", 1, "Khiếu nại quyết định thu hồi đất để mở rộng đường Vành đai 2,5 qua phường Khương Đình"),
            new Spec(C, 142, Path.RESOLVED, "VISIT", 1, "Khiếu nại mức bồi thường, hỗ trợ khi giải phóng mặt bằng dự án cầu Trần Hưng Đạo"),
            new Spec(C, 135, Path.NOT_ACCEPTED, "LETTER", 1, "Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng"),
            new Spec(C, 128, Path.RESOLVED, "ONLINE", 1, "Khiếu nại việc từ chối cấp giấy chứng nhận quyền sử dụng đất tại phường Tây Hồ"),
            new Spec(D, 121, Path.RESOLVED, "LETTER", 1, "Tố cáo cán bộ địa chính phường Phú Thượng nhận tiền để hợp thức hóa đất lấn chiếm"),
            new Spec(C, 115, Path.RESOLVED, "VISIT", 1, "Khiếu nại quyết định cưỡng chế tháo dỡ công trình phụ tại phường Long Biên"),
            new Spec(P, 110, Path.RESOLVED, "ONLINE", 1, "Kiến nghị sửa chữa tuyến đường ngõ 105 Xuân La bị xuống cấp"),
            new Spec(C, 104, Path.ACCEPTED, "LETTER", 27, "Khiếu nại tập thể của các hộ dân thôn Đông về giá bồi thường đất nông nghiệp"),
            new Spec(D, 98, Path.INSPECTION_RUNNING, "LETTER", 1, "Tố cáo Chủ tịch UBND xã Sóc Sơn cho thuê đất công ích không qua đấu giá"),
            new Spec(C, 92, Path.RESOLVED, "LETTER", 1, "Khiếu nại việc tính tiền sử dụng đất khi cấp giấy chứng nhận"),
            new Spec(R, 87, Path.RESOLVED, "ONLINE", 1, "Phản ánh ô nhiễm tiếng ồn từ công trình xây dựng ban đêm tại phường Cầu Giấy"),
            new Spec(C, 81, Path.ACCEPTED, "VISIT", 1, "Khiếu nại quyết định giao đất tái định cư cho hộ bị thu hồi đất"),
            new Spec(D, 76, Path.ACCEPTED, "LETTER", 1, "Tố cáo vi phạm trong đấu thầu mua sắm thiết bị y tế tại Bệnh viện Đa khoa Đông Anh"),
            new Spec(C, 70, Path.RESOLVED, "LETTER", 1, "Khiếu nại quyết định đình chỉ hoạt động hộ kinh doanh ăn uống"),
            new Spec(P, 66, Path.ACCEPTED, "ONLINE", 1, "Kiến nghị công khai quy hoạch chi tiết khu tái định cư Thượng Thanh"),
            new Spec(C, 60, Path.NOT_ACCEPTED, "VISIT", 1, "Khiếu nại việc không được hưởng chế độ hỗ trợ nghỉ việc trước tuổi"),
            new Spec(D, 55, Path.ACCEPTED, "LETTER", 1, "Tố cáo việc thu các khoản phí trái quy định tại Trường Tiểu học Kim Liên"),
            new Spec(C, 50, Path.ACCEPTED, "LETTER", 1, "Khiếu nại bảng giá đất áp dụng cho dự án khu đô thị Tây Hồ Tây"),
            new Spec(R, 45, Path.CLASSIFIED, "ONLINE", 1, "Phản ánh tình trạng lấn chiếm vỉa hè để kinh doanh trên phố Hàng Buồm"),
            new Spec(C, 40, Path.ACCEPTED, "VISIT", 1, "Khiếu nại việc từ chối đăng ký biến động đất đai sau thừa kế"),
            new Spec(D, 35, Path.CLASSIFIED, "LETTER", 1, "Tố cáo cán bộ thuế gây khó khăn, sách nhiễu doanh nghiệp khi hoàn thuế"),
            new Spec(C, 30, Path.CLASSIFIED, "LETTER", 1, "Khiếu nại quyết định buộc tháo dỡ phần ban công lấn chiếm không gian"),
            new Spec(P, 26, Path.CLASSIFIED, "ONLINE", 1, "Kiến nghị lắp đặt đèn chiếu sáng khu dân cư mới Nam Từ Liêm"),
            new Spec(C, 21, Path.CLASSIFIED, "VISIT", 1, "Khiếu nại quyết định thu hồi giấy phép kinh doanh karaoke"),
            new Spec(D, 17, Path.RECEIVED, "LETTER", 1, "Tố cáo lợi dụng chức vụ trong cấp phép xây dựng nhà ở riêng lẻ"),
            new Spec(R, 13, Path.RECEIVED, "ONLINE", 1, "Phản ánh rác thải tồn đọng tại điểm tập kết phường Hoàng Mai"),
            new Spec(C, 9, Path.RECEIVED, "LETTER", 1, "Khiếu nại việc chậm chi trả tiền hỗ trợ di dời nhà ở"),
            new Spec(P, 6, Path.RECEIVED, "ONLINE", 1, "Kiến nghị xem xét chế độ trợ cấp cho người có công với cách mạng"),
            new Spec(C, 4, Path.RECEIVED, "VISIT", 1, "Khiếu nại quyết định kỷ luật viên chức của UBND phường"),
            new Spec(D, 2, Path.RECEIVED, "LETTER", 1, "Tố cáo việc sử dụng xe công vào việc riêng tại một đơn vị sự nghiệp"));

    static final List<Spec> NINH_BINH = List.of(
            new Spec(C, 155, Path.RESOLVED, "LETTER", 1, "Khiếu nại quyết định thu hồi đất thực hiện dự án khu du lịch Tràng An mở rộng"),
            new Spec(C, 146, Path.RESOLVED, "VISIT", 1, "Khiếu nại mức hỗ trợ chuyển đổi nghề khi thu hồi đất nông nghiệp tại Gia Viễn"),
            new Spec(D, 138, Path.RESOLVED, "LETTER", 1, "Tố cáo cán bộ xã Ninh Hải thu tiền trái phép khi cấp phép xây dựng homestay"),
            new Spec(C, 129, Path.NOT_ACCEPTED, "LETTER", 1, "Khiếu nại quyết định xử phạt về khai thác đá trái phép"),
            new Spec(P, 120, Path.RESOLVED, "ONLINE", 1, "Kiến nghị nạo vét kênh tiêu thủy lợi xã Kim Sơn"),
            new Spec(C, 112, Path.RESOLVED, "VISIT", 1, "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất chồng lấn tại Tam Điệp"),
            new Spec(C, 103, Path.ACCEPTED, "LETTER", 34, "Khiếu nại tập thể về bồi thường tài sản trên đất khi làm đường cao tốc Ninh Bình - Hải Phòng"),
            new Spec(R, 96, Path.RESOLVED, "ONLINE", 1, "Phản ánh ô nhiễm bụi từ các cơ sở chế biến đá tại Tam Điệp"),
            new Spec(C, 90, Path.RESOLVED, "LETTER", 1, "Khiếu nại quyết định giải quyết tranh chấp đất đai tại xã Yên Mô"),
            new Spec(D, 84, Path.INSPECTION_CONCLUDED, "LETTER", 1, "Tố cáo sai phạm trong giao đất, thu tiền sử dụng đất tại xã Gia Sinh"),
            new Spec(C, 77, Path.ACCEPTED, "VISIT", 1, "Khiếu nại việc không bố trí tái định cư cho hộ bị thu hồi toàn bộ đất ở"),
            new Spec(D, 70, Path.ACCEPTED, "LETTER", 1, "Tố cáo sai phạm trong quản lý quỹ đất công ích tại xã Nho Quan"),
            new Spec(P, 63, Path.ACCEPTED, "ONLINE", 1, "Kiến nghị sửa chữa cầu dân sinh bắc qua sông Hoàng Long"),
            new Spec(C, 57, Path.NOT_ACCEPTED, "VISIT", 1, "Khiếu nại việc cắt chế độ trợ cấp bảo trợ xã hội"),
            new Spec(C, 50, Path.ACCEPTED, "LETTER", 1, "Khiếu nại quyết định đình chỉ thi công công trình nhà xưởng"),
            new Spec(R, 44, Path.CLASSIFIED, "ONLINE", 1, "Phản ánh việc đổ thải trái phép ven quốc lộ 1A đoạn qua Gián Khẩu"),
            new Spec(D, 38, Path.CLASSIFIED, "LETTER", 1, "Tố cáo vi phạm trong đấu thầu xây dựng trường mầm non xã Gia Trấn"),
            new Spec(C, 31, Path.CLASSIFIED, "VISIT", 1, "Khiếu nại việc tính thuế sử dụng đất phi nông nghiệp"),
            new Spec(P, 24, Path.CLASSIFIED, "ONLINE", 1, "Kiến nghị bổ sung điểm đón trả khách xe buýt tại Hoa Lư"),
            new Spec(C, 18, Path.RECEIVED, "LETTER", 1, "Khiếu nại quyết định cưỡng chế thu hồi đất tại phường Nam Thành"),
            new Spec(D, 12, Path.RECEIVED, "LETTER", 1, "Tố cáo việc bình xét hộ nghèo không đúng quy định tại thôn Đồng Chưa"),
            new Spec(R, 8, Path.RECEIVED, "ONLINE", 1, "Phản ánh tình trạng mất điện kéo dài tại khu dân cư Ninh Khánh"),
            new Spec(C, 5, Path.RECEIVED, "VISIT", 1, "Khiếu nại việc chậm cấp giấy chứng nhận sau khi đã nộp đủ nghĩa vụ tài chính"),
            new Spec(P, 3, Path.RECEIVED, "ONLINE", 1, "Kiến nghị mở rộng chợ dân sinh xã Ninh Vân"));

    /**
     * A prolonged case the central inspectorate put on the watchlist a month after it was received: its index among
     * the province's specs, and the months before this one its inspector reported progress in. Reports stop at
     * different months, so the cases have gone different lengths without one; a case that never reported is the most
     * overdue. None reports for this month: the watchlist page lists the cases still owing this month's report.
     */
    record Watch(int index, List<Integer> monthsBack) {
    }

    static final List<Watch> HA_NOI_WATCH = List.of(new Watch(7, List.of(1, 2, 3)), new Watch(11, List.of(2, 3)),
            new Watch(12, List.of()));
    static final List<Watch> NINH_BINH_WATCH = List.of(new Watch(6, List.of(3)), new Watch(10, List.of(1, 2)));

    /** The central account that decides which cases are watched. */
    private static final String ANALYST = "analyst";

    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
            "Đỗ", "Ngô");
    private static final List<String> MIDDLE = List.of("Văn", "Thị", "Minh", "Đức", "Thu", "Quang", "Hồng");
    private static final List<String> GIVEN = List.of("An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hạnh", "Hùng",
            "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Việt", "Yến");

    private final DemoGateway gateway;
    private final LocalDate today;
    private final Tally tally;

    DemoCases(DemoGateway gateway, LocalDate today, Tally tally) {
        this.gateway = gateway;
        this.today = today;
        this.tally = tally;
    }

    static List<Spec> of(DemoProvince province) {
        return province == DemoProvince.HA_NOI ? HA_NOI : NINH_BINH;
    }

    /** Loads the province's cases; answers the ids of the cases that inspections are opened from, by path. */
    Map<Path, String> load(DemoProvince province) {
        List<Spec> specs = of(province);
        List<Map<String, Object>> submissions = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            submissions.add(submission(province, i, specs.get(i)));
        }
        JsonNode batch = gateway.post(province.client(), "/api/v1/cases/batch", Map.of("cases", submissions), 200)
                .body();
        Map<Path, String> inspected = new EnumMap<>(Path.class);
        String[] ids = new String[specs.size()];
        for (JsonNode result : batch.path("results")) {
            int i = result.path("index").asInt();
            Spec spec = specs.get(i);
            String outcome = result.path("outcome").asText();
            if ("REJECTED".equals(outcome)) {
                throw new DemoDataException("POST /api/v1/cases/batch as " + province.client() + ": case "
                        + reference(province, i) + " rejected " + result.path("errors"));
            }
            boolean created = "CREATED".equals(outcome);
            tally.count(Tally.CASES, created);
            // CONFLICT: filed on an earlier day's load, whose received date the demo's relative dates no longer match
            String id = "CONFLICT".equals(outcome) ? result.path("existingId").asText() : result.path("caseId").asText();
            String status = created ? "RECEIVED"
                    : gateway.get(province.client(), "/api/v1/cases/" + id, 200).body().path("status").asText();
            ids[i] = id;
            moveAlong(province, id, status, spec);
            if (spec.path() == Path.INSPECTION_RUNNING || spec.path() == Path.INSPECTION_CONCLUDED) {
                inspected.put(spec.path(), id);
            }
        }
        Map<String, Long> watched = watch(province, specs, ids);
        expectFigures(province, specs, watched);
        return inspected;
    }

    /**
     * Puts the province's prolonged cases on the watchlist and reports their progress, each step only when it is
     * missing: a case already on the watchlist is left there, and a month's report is sent only for the cases the
     * watchlist still lists without one. Answers the watchlist figures the cases add up to.
     */
    private Map<String, Long> watch(DemoProvince province, List<Spec> specs, String[] ids) {
        YearMonth now = YearMonth.from(today);
        Map<YearMonth, Set<String>> without = new HashMap<>();
        long watched = 0;
        long reports = 0;
        List<Watch> watches = province == DemoProvince.HA_NOI ? HA_NOI_WATCH : NINH_BINH_WATCH;
        // every case is watched before the months' lists are read, so the lists hold them all
        for (Watch w : watches) {
            String id = ids[w.index()];
            Spec spec = specs.get(w.index());
            LocalDate decidedOn = notAfterToday(received(spec).plusDays(30));
            boolean add = !gateway.get(province.inspector(), "/api/v1/cases/" + id, 200).body().path("onWatchlist")
                    .asBoolean();
            if (add) {
                String decision = decisionNumber(spec, "QĐ-TTCP-TD");
                gateway.postOnce(ANALYST, "/api/v1/cases/" + id + "/watchlist", "demo-watchlist-" + id,
                        Map.of("decisionReference", decision, "decidedOn", decidedOn.toString()), 200);
            }
            tally.count(Tally.STEPS, add);
            watched++;
        }
        for (Watch w : watches) {
            String id = ids[w.index()];
            LocalDate decidedOn = notAfterToday(received(specs.get(w.index())).plusDays(30));
            for (int back : w.monthsBack()) {
                YearMonth month = now.minusMonths(back);
                if (month.isBefore(YearMonth.from(decidedOn))) {
                    continue;  // before the case was watched
                }
                boolean report = without.computeIfAbsent(month, m -> withoutProgress(province, m)).contains(id);
                if (report) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("reportMonth", month.toString());
                    body.put("stage", back == w.monthsBack().get(0) ? "Đang xác minh, làm việc với các bên"
                            : "Đang thu thập hồ sơ, tài liệu");
                    body.put("note", "Báo cáo tiến độ giải quyết tháng " + month.getMonthValue() + "/" + month.getYear());
                    gateway.postOnce(province.inspector(), "/api/v1/cases/" + id + "/watchlist/progress",
                            "demo-progress-" + id + "-" + month, body, 200);
                }
                tally.count(Tally.STEPS, report);
                reports++;
            }
        }
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("cases.watchlisted", watched);
        values.put("cases.watchlist_progress_reports", reports);
        return values;
    }

    /** The province's watched cases without a progress report for {@code month}; the demo's fit one page. */
    private Set<String> withoutProgress(DemoProvince province, YearMonth month) {
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : gateway.get(province.inspector(), "/api/v1/watchlist/without-progress?month=" + month
                + "&size=200", 200).body().path("items")) {
            ids.add(entry.path("caseId").asText());
        }
        return ids;
    }

    /** Takes the case to its path's status; the steps it has already passed are counted as found. */
    private void moveAlong(DemoProvince province, String id, String status, Spec spec) {
        int reached = switch (status) {
            case "RECEIVED" -> 0;
            case "CLASSIFIED" -> 1;
            case "ACCEPTED", "NOT_ACCEPTED", "ASSIGNED", "PAUSED" -> 2;
            case "RESOLVED" -> 3;
            default -> 4;  // moved on by hand (transferred, escalated, closed): leave it be
        };
        LocalDate received = received(spec);
        LocalDate accepted = notAfterToday(received.plusDays(5));
        List<Step> steps = new ArrayList<>();
        if (spec.path() != Path.RECEIVED) {
            Map<String, Object> classify = new LinkedHashMap<>();
            classify.put("kind", spec.kind());
            if (spec.kind().equals(C)) {
                classify.put("instance", 1);
            }
            steps.add(new Step("classify", classify));
        }
        if (spec.path().accepted()) {
            steps.add(new Step("accept", Map.of("acceptedOn", accepted.toString(),
                    "handlingBodyCode", province.receptionBody())));
        }
        if (spec.path() == Path.NOT_ACCEPTED) {
            steps.add(new Step("not-accept", Map.of("reasonCode", "FILED_LATE",
                    "decisionReference", decisionNumber(spec, "TB-TCD"),
                    "decidedOn", notAfterToday(received.plusDays(7)).toString(),
                    "note", "Quá thời hiệu khiếu nại 90 ngày kể từ ngày biết quyết định")));
        }
        if (spec.path() == Path.RESOLVED) {
            steps.add(new Step("resolve", Map.of("outcome", outcome(spec),
                    "decisionReference", decisionNumber(spec, spec.kind().equals(C) ? "QĐ-UBND" : "KL-TTT"),
                    "resolvedOn", notAfterToday(accepted.plusDays(25)).toString())));
        }
        for (int i = 0; i < steps.size(); i++) {
            boolean needed = i >= reached;
            if (needed) {
                Step step = steps.get(i);
                gateway.post(province.inspector(), "/api/v1/cases/" + id + "/" + step.command(), step.body(), 200);
            }
            tally.count(Tally.STEPS, needed);
        }
    }

    private record Step(String command, Map<String, Object> body) {
    }

    private void expectFigures(DemoProvince province, List<Spec> specs, Map<String, Long> watched) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("cases.received", (long) specs.size());
        values.put("cases.accepted", specs.stream().filter(s -> s.path().accepted()).count());
        values.put("cases.not_accepted", specs.stream().filter(s -> s.path() == Path.NOT_ACCEPTED).count());
        values.put("cases.resolved", specs.stream().filter(s -> s.path().resolved()).count());
        values.putAll(watched);
        LocalDate from = specs.stream().map(this::received).min(LocalDate::compareTo).orElse(today);
        tally.expect(new ExpectedFigures(province.code(), province.receptionBody(), from, today, values));
    }

    private Map<String, Object> submission(DemoProvince province, int i, Spec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceSystem", province.sourceSystem());
        body.put("sourceReference", reference(province, i));
        body.put("provinceCode", province.code());
        body.put("receivingBodyCode", province.receptionBody());
        body.put("channel", spec.channel());
        body.put("kind", spec.kind());
        body.put("receivedOn", received(spec).toString());
        body.put("subject", spec.subject());
        if (spec.kind().equals(C)) {
            body.put("signed", true);
            body.put("affectsComplainant", true);
            // the refused complaints came past the 90-day filing window, which the service records as a finding
            LocalDate learned = received(spec).minusDays(spec.path() == Path.NOT_ACCEPTED ? 130 : 20);
            body.put("decisionLearnedOn", learned.toString());
        }
        if (spec.complainants() > 1) {
            body.put("complainantCount", spec.complainants());
        }
        String place = province.places().get(i % province.places().size());
        body.put("complainant", Map.of(
                "fullName", FAMILY.get(i % FAMILY.size()) + " " + MIDDLE.get(i % MIDDLE.size()) + " "
                        + GIVEN.get((i * 7) % GIVEN.size()),
                "idNumber", province.citizenIdPrefix() + (i % 2) + String.format("%02d", 60 + (i * 3) % 35)
                        + String.format("%06d", 10_000 + i * 3_719),
                "address", "Số " + (3 + i * 11 % 140) + ", " + place + ", " + province.name()));
        return body;
    }

    private LocalDate received(Spec spec) {
        return today.minusDays(spec.daysAgo());
    }

    private LocalDate notAfterToday(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    private static String reference(DemoProvince province, int i) {
        return province.receptionBody().toLowerCase() + "-" + String.format("%04d", i + 1);
    }

    private static String decisionNumber(Spec spec, String suffix) {
        return (100 + spec.daysAgo()) + "/" + suffix;
    }

    private static String outcome(Spec spec) {
        return switch (spec.kind()) {
            case C -> List.of("REJECTED", "PARTLY_UPHELD", "UPHELD").get(spec.daysAgo() % 3);
            case D -> spec.daysAgo() % 2 == 0 ? "TRUE" : "PARTLY_TRUE";
            default -> "ANSWERED";
        };
    }
}
