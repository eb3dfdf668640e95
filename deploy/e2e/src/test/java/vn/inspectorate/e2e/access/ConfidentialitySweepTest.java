package vn.inspectorate.e2e.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.e2e.RunningPlatform;
import vn.inspectorate.e2e.WebhookReceiver;

/**
 * A denouncer's identity and a declarant's personal data, posted once with values found nowhere else, must not reach
 * any event of any topic, any log line the platform wrote during the suite, any export or report, or any partner
 * webhook delivery, in their own form or an obvious transform of it (upper case, without diacritics, base64, JSON
 * escapes). Runs after the other classes (so their logs are swept too) and before the fault classes.
 */
@Order(Integer.MAX_VALUE - 10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfidentialitySweepTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** The secret values by what they are; the random parts make each one found nowhere else. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    private static WebhookReceiver receiver;
    private static String caseId;
    private static String inspectionId;
    private static String declarationId;
    private static String subscriptionId;

    private final Platform platform = RunningPlatform.get();
    private final String gateway = platform.gatewayUrl();

    /** The random part of each secret. */
    private static final Map<String, String> UNIQUE = new LinkedHashMap<>();

    static {
        secret("denouncer name", "Đặng Thị Huyền Trâm ", randomLetters(6), "");
        secret("denouncer id number", "", randomDigits(12), "");
        secret("denouncer address", "Số 17 ngõ Tố Giác ", randomLetters(6), ", Hoàn Kiếm, Hà Nội");
        String phone = randomDigits(6);
        SECRETS.put("denouncer phone", "0912-" + phone.substring(0, 3) + "-" + phone.substring(3));
        UNIQUE.put("denouncer phone", "0912" + phone);
        secret("denouncer email", "to.giac.", randomLetters(7).toLowerCase(Locale.ROOT), "@example.vn");
        secret("declarant name", "Lưu Quang Kê Khai ", randomLetters(6), "");
        secret("declarant citizen id", "", randomDigits(12), "");
        secret("declarant address", "Số 5 phố Tài Sản ", randomLetters(6), ", Ninh Bình");
        secret("declared house", "Nhà ở riêng phố Minh Bạch ", randomLetters(6), "");
    }

    private static void secret(String what, String before, String unique, String after) {
        SECRETS.put(what, before + unique + after);
        UNIQUE.put(what, unique);
    }

    @Test
    @Order(1)
    void aPartnerSubscribesAndADenunciationAndADeclarationArePosted() throws IOException {
        receiver = WebhookReceiver.start(RunningPlatform.RECEIVER_PORTS.get(1));
        Principal partner = Principal.PARTNER;
        List<String> types = given().auth().oauth2(partner.token()).get(gateway + "/api/v1/subscriptions/event-types")
                .then().statusCode(200).extract().path("type");
        assertThat(types).isNotEmpty();
        subscriptionId = receiver.subscribe(partner.account, Map.of("callbackUrl", receiver.url("/hook"),
                "eventTypes", types)).getString("id");

        String today = ProvinceRecords.today().toString();
        Principal system = Principal.PROVINCE_HN;
        Map<String, Object> denunciation = ProvinceRecords.complaint("VN-HN", "TTT-HN",
                "sweep-" + UUID.randomUUID().toString().substring(0, 8));
        denunciation.put("kind", "DENUNCIATION");
        denunciation.put("complainant", Map.of("fullName", SECRETS.get("denouncer name"),
                "idNumber", SECRETS.get("denouncer id number"), "address", SECRETS.get("denouncer address"),
                "phone", SECRETS.get("denouncer phone"), "email", SECRETS.get("denouncer email")));
        caseId = ProvinceRecords.post(gateway + "/api/v1/cases", system, denunciation, 201).path("id");

        String declarantId = ProvinceRecords.post(gateway + "/api/v1/declarants", system,
                ProvinceRecords.declarant("VN-HN", "UBND-HN", SECRETS.get("declarant name"),
                        SECRETS.get("declarant citizen id"), SECRETS.get("declarant address")), 201).path("id");
        declarationId = ProvinceRecords.post(gateway + "/api/v1/declarations", system,
                ProvinceRecords.declaration(declarantId, SECRETS.get("declared house")), 201).path("id");
        assertThat(today).isNotBlank();
    }

    @Test
    @Order(2)
    void theRecordsGoThroughTheirLifecycles() {
        String today = ProvinceRecords.today().toString();
        Principal inspector = Principal.INSPECTOR_HN;
        Principal system = Principal.PROVINCE_HN;
        caseCommand(inspector, "classify", Map.of("kind", "DENUNCIATION"));
        caseCommand(inspector, "accept", Map.of("acceptedOn", today));
        caseCommand(inspector, "notify-denouncer", Map.of("notifiedOn", today));
        // the handling inspector reads the identity (allowed, and written to the history)
        String identity = given().auth().oauth2(inspector.token())
                .get(gateway + "/api/v1/cases/{id}/identity", caseId).then().statusCode(200).extract().asString();
        // the values are really stored and shown where they belong: the sweep looks for something that exists
        assertThat(identity).contains(SECRETS.get("denouncer name"), SECRETS.get("denouncer id number"),
                SECRETS.get("denouncer phone"), SECRETS.get("denouncer email"));

        // an inspection opened from the denunciation concludes: the case is resolved by it, a public event follows
        Map<String, Object> opening = ProvinceRecords.adHocInspection("VN-HN", "TTT-HN",
                "sweep-" + UUID.randomUUID().toString().substring(0, 8));
        opening.put("caseIds", List.of(caseId));
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Response opened;
        do {
            opened = EdgeRetry.untilAnswered(() -> given().auth().oauth2(inspector.token())
                    .contentType(ContentType.JSON).body(opening).post(gateway + "/api/v1/inspections"));
        } while (opened.statusCode() == 422 && System.nanoTime() < deadline && pause());
        opened.then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        inspectionId = opened.path("id");
        ProvinceRecords.post(gateway + "/api/v1/inspections/" + inspectionId + "/start", inspector,
                Map.of("startedOn", today), 200);
        ProvinceRecords.post(gateway + "/api/v1/inspections/" + inspectionId + "/report", inspector,
                Map.of("submittedOn", today), 200);
        ProvinceRecords.post(gateway + "/api/v1/inspections/" + inspectionId + "/conclusion", inspector,
                ProvinceRecords.conclusion("KL-SWEEP-" + inspectionId.substring(0, 8)), 201);
        AccessMatrixTest.await("case " + caseId + " resolved by the conclusion", () -> "RESOLVED".equals(
                given().auth().oauth2(inspector.token()).get(gateway + "/api/v1/cases/" + caseId).path("status")));

        // the declaration is submitted and corrected once
        ProvinceRecords.post(gateway + "/api/v1/declarations/" + declarationId + "/submission", system, null, 200);
        ProvinceRecords.post(gateway + "/api/v1/declarations/" + declarationId + "/correction", system,
                Map.of("increaseExplanation", "Salary rise", "items", List.of(
                        Map.of("category", "HOUSE", "valueVnd", 2_100_000_000L, "acquiredOn", "2015-05-01",
                                "description", SECRETS.get("declared house")),
                        Map.of("category", "SALARY", "valueVnd", 320_000_000L, "description", "Salary"))), 200);
    }

    @Test
    @Order(3)
    void everyDeclarationDetailReadLeavesExactlyOneAccessLogRow() throws SQLException {
        Principal controller = Principal.ASSET_CONTROLLER;
        long before = accessLogRows(declarationId);
        assertThat(before).isZero();
        int reads = 3;
        for (int i = 1; i <= reads; i++) {
            String detail = given().auth().oauth2(controller.token())
                    .header("X-Access-Purpose", "sweep read " + i)
                    .get(gateway + "/api/v1/declarations/{id}", declarationId).then().statusCode(200).extract()
                    .asString();
            // the controller does read the declarant's data: the one place it may appear
            assertThat(detail).contains(SECRETS.get("declared house"));
            assertThat(accessLogRows(declarationId)).as("rows after read %d", i).isEqualTo(i);
        }
        // refused reads leave no row: no purpose, a role without the right, another province's system
        given().auth().oauth2(controller.token()).get(gateway + "/api/v1/declarations/{id}", declarationId).then()
                .statusCode(400);
        given().auth().oauth2(Principal.PROVINCE_HN.token()).header("X-Access-Purpose", "curious")
                .get(gateway + "/api/v1/declarations/{id}", declarationId).then().statusCode(403);
        given().auth().oauth2(Principal.ANALYST.token()).header("X-Access-Purpose", "curious")
                .get(gateway + "/api/v1/declarations/{id}", declarationId).then().statusCode(403);
        // summaries are not detail reads
        given().auth().oauth2(Principal.PROVINCE_HN.token())
                .get(gateway + "/api/v1/declarations/{id}/summary", declarationId).then().statusCode(200);
        assertThat(accessLogRows(declarationId)).isEqualTo(reads);
        // and the review through the API shows the same rows with their purposes
        List<String> purposes = given().auth().oauth2(Principal.ANALYST.token())
                .queryParam("declarationId", declarationId).get(gateway + "/api/v1/access-log")
                .then().statusCode(200).extract().path("items.purpose");
        assertThat(purposes).containsExactlyInAnyOrder("sweep read 1", "sweep read 2", "sweep read 3");
        System.out.printf("[access] %d declaration detail reads -> %d access-log rows; refused reads -> none%n",
                reads, accessLogRows(declarationId));
    }

    @Test
    @Order(4)
    void theSecretsAreNowhereInEventsLogsExportsOrDeliveries() throws Exception {
        // the partner got the case's public events, the conclusion included, before anything is swept
        AccessMatrixTest.await("the partner received the case's and the inspection's public events", () ->
                deliveries().stream().anyMatch(d -> d.contains(caseId) && d.contains("RESOLVED"))
                        && deliveries().stream().anyMatch(d -> d.contains(inspectionId)));
        // and reporting counted the declaration (its events went through every consumer)
        AccessMatrixTest.await("reporting counted the declaration", () -> given().auth()
                .oauth2(Principal.ANALYST.token()).queryParam("figure", "declarations.submitted")
                .queryParam("period", ProvinceRecords.today().getYear()).queryParam("province", "VN-HN")
                .queryParam("limit", 1000).get(gateway + "/api/v1/reports/drill-down").asString()
                .contains(declarationId));

        Map<String, List<String>> needles = needles();
        List<String> matches = new ArrayList<>();
        // the matcher itself finds each transform (a sweep that cannot match proves nothing)
        String name = SECRETS.get("denouncer name");
        for (String transformed : List.of(name.toUpperCase(Locale.ROOT), withoutDiacritics(name),
                Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)),
                "{\"n\":\"" + jsonEscaped(name, "\\u%04X") + "\"}", "... " + UNIQUE.get("denouncer name") + " ...")) {
            List<String> found = new ArrayList<>();
            match("self-check", transformed, needles, found);
            assertThat(found).as("matches in %s", transformed).isNotEmpty();
        }

        int[] kafka = sweepKafka(needles, matches);
        int[] logs = sweepLogs(needles, matches);
        int exports = sweepExports(needles, matches);
        List<String> deliveries = deliveries();
        for (int i = 0; i < deliveries.size(); i++) {
            match("partner delivery " + i, deliveries.get(i), needles, matches);
        }
        System.out.printf("[access] confidentiality sweep: %d topics / %d records scanned, %d log lines in %d files, "
                + "%d exports and reports, %d partner deliveries, %d forms of %d secret values; matches %d%n",
                kafka[0], kafka[1], logs[1], logs[0], exports, deliveries.size(),
                needles.values().stream().mapToInt(List::size).sum(), SECRETS.size(), matches.size());
        matches.forEach(m -> System.out.println("[access] LEAK: " + m));
        assertThat(kafka[1]).as("records scanned").isPositive();
        assertThat(logs[1]).as("log lines scanned").isPositive();
        assertThat(deliveries).as("deliveries scanned").isNotEmpty();
        assertThat(matches).as("places where personal data was found").isEmpty();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** The bodies the partner's receiver got, in order of arrival. */
    private static List<String> deliveries() {
        return receiver.deliveries("/hook").stream().map(WebhookReceiver.Delivery::body).toList();
    }

    // ------------------------------------------------------------------------------------------------ the sweep

    /** Each secret with its obvious transforms, and the random part alone (which no transform keeps from showing). */
    private static Map<String, List<String>> needles() {
        Map<String, List<String>> needles = new LinkedHashMap<>();
        SECRETS.forEach((what, value) -> {
            Set<String> forms = new LinkedHashSet<>();
            for (String v : List.of(value, withoutDiacritics(value))) {
                forms.add(v);
                forms.add(v.toUpperCase(Locale.ROOT));
                forms.add(v.toLowerCase(Locale.ROOT));
                forms.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
                forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
                forms.add(jsonEscaped(v, "\\u%04x"));
                forms.add(jsonEscaped(v, "\\u%04X"));
            }
            // the random part alone: found even if the rest was cut, reordered or re-spelled
            forms.add(UNIQUE.get(what));
            needles.put(what, new ArrayList<>(forms));
        });
        return needles;
    }

    private static void match(String where, String text, Map<String, List<String>> needles, List<String> matches) {
        for (var e : needles.entrySet()) {
            for (String form : e.getValue()) {
                if (text.contains(form)) {
                    matches.add(e.getKey() + " (as \"" + form + "\") in " + where);
                }
            }
        }
    }

    /** Every record of every topic, uncommitted ones too: key, value and headers. Returns {topics, records}. */
    private int[] sweepKafka(Map<String, List<String>> needles, List<String> matches) throws Exception {
        String bootstrap = platform.kafka().bootstrapServers();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("topics not read to their end within " + DEADLINE);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    StringBuilder text = new StringBuilder();
                    if (r.key() != null) {
                        text.append(new String(r.key(), StandardCharsets.UTF_8)).append('\n');
                    }
                    if (r.value() != null) {
                        text.append(new String(r.value(), StandardCharsets.UTF_8)).append('\n');
                    }
                    for (Header h : r.headers()) {
                        text.append(h.key()).append('=').append(h.value() == null ? ""
                                : new String(h.value(), StandardCharsets.UTF_8)).append('\n');
                    }
                    match("topic " + r.topic() + " partition " + r.partition() + " offset " + r.offset(),
                            text.toString(), needles, matches);
                }
            }
        }
        return new int[] {topics.size(), records};
    }

    /** Every line of every log the platform's parts wrote. Returns {files, lines}. */
    private int[] sweepLogs(Map<String, List<String>> needles, List<String> matches) throws IOException {
        int files = 0;
        int lines = 0;
        List<Path> logFiles;
        try (Stream<Path> walk = Files.walk(platform.logs())) {
            logFiles = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : logFiles) {
            files++;
            List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < content.size(); i++) {
                lines++;
                match(file.getFileName() + " line " + (i + 1), content.get(i), needles, matches);
            }
        }
        return new int[] {files, lines};
    }

    /** The downloads and the readers' views other than the controller's detail and the inspector's identity view. */
    private int sweepExports(Map<String, List<String>> needles, List<String> matches) {
        int year = ProvinceRecords.today().getYear();
        List<Map.Entry<String, Principal>> reads = new ArrayList<>();
        for (Principal reader : List.of(Principal.ANALYST, Principal.PROVINCE_HN, Principal.PARTNER)) {
            for (String format : List.of("json", "csv", "xlsx")) {
                reads.add(Map.entry("/api/v1/reports/national?period=" + year + "&format=" + format, reader));
            }
            reads.add(Map.entry("/api/v1/reports/summary?period=" + year, reader));
            reads.add(Map.entry("/api/v1/reports/breakdown?figure=cases.received&by=body&period=" + year, reader));
        }
        reads.add(Map.entry("/api/v1/reports/publications", Principal.ANALYST));
        reads.add(Map.entry("/api/v1/reports/drill-down?figure=cases.received&size=1000&period=" + year,
                Principal.ANALYST));
        reads.add(Map.entry("/api/v1/cases?size=200", Principal.ANALYST));
        reads.add(Map.entry("/api/v1/cases/" + caseId, Principal.PROVINCE_HN));
        reads.add(Map.entry("/api/v1/cases/" + caseId + "/history", Principal.ANALYST));
        reads.add(Map.entry("/api/v1/inspections/" + inspectionId, Principal.ANALYST));
        reads.add(Map.entry("/api/v1/declarations", Principal.ANALYST));
        reads.add(Map.entry("/api/v1/declarations/" + declarationId + "/summary", Principal.PROVINCE_HN));
        reads.add(Map.entry("/api/v1/declarants", Principal.PROVINCE_HN));
        reads.add(Map.entry("/api/v1/access-log?declarationId=" + declarationId, Principal.ANALYST));
        reads.add(Map.entry("/api/v1/subscriptions/" + subscriptionId + "/deliveries", Principal.PARTNER));
        for (var read : reads) {
            Response r = EdgeRetry.untilAnswered(() -> given().auth().oauth2(read.getValue().token())
                    .get(gateway + read.getKey()));
            assertThat(r.statusCode()).as("GET %s as %s", read.getKey(), read.getValue()).isEqualTo(200);
            String where = read.getKey() + " as " + read.getValue();
            byte[] body = r.asByteArray();
            if (read.getKey().endsWith("xlsx")) {
                assertThat(unzipped(body)).as("entries of %s", where).isNotEmpty()
                        .allSatisfy(text -> match(where, text, needles, matches));
            } else {
                match(where, new String(body, StandardCharsets.UTF_8), needles, matches);
            }
        }
        return reads.size();
    }

    /** The text of every entry of an XLSX (a zip of XML parts). */
    private static List<String> unzipped(byte[] xlsx) {
        List<String> entries = new ArrayList<>();
        try {
            // through the central directory: the writer streams entries with sizes given after their data
            Path file = Files.createTempFile("national-report-", ".xlsx");
            try {
                Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        try (var in = zip.getInputStream(entry)) {
                            entries.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private long accessLogRows(String declaration) throws SQLException {
        try (Connection db = DriverManager.getConnection(platform.postgres().jdbcUrl("declarations"), "postgres", "");
                PreparedStatement q = db.prepareStatement(
                        "select count(*) from declaration_access_log where declaration_id = ?::uuid")) {
            q.setString(1, declaration);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void caseCommand(Principal inspector, String command, Map<String, Object> body) {
        ProvinceRecords.post(gateway + "/api/v1/cases/" + caseId + "/" + command, inspector, body, 200);
    }

    static String withoutDiacritics(String s) {
        return Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    private static String jsonEscaped(String s, String escape) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 128 ? String.valueOf(c) : String.format(escape, (int) c));
        }
        return out.toString();
    }

    private static String randomLetters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private static String randomDigits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        return s.toString();
    }

    private static boolean pause() {
        try {
            Thread.sleep(300);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
