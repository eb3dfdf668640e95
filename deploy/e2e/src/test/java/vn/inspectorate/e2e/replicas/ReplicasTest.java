package vn.inspectorate.e2e.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.e2e.Eventually;
import vn.inspectorate.e2e.ReportFigures;
import vn.inspectorate.e2e.ReportingPositions;
import vn.inspectorate.e2e.TopicRecords;
import vn.inspectorate.e2e.WebhookReceiver;
import vn.inspectorate.infra.FreePorts;

/**
 * Two of everything: the platform with two instances of every service (its own platform, in its own test JVM), a
 * steady load of cases, inspections and declarations through both gateways, one instance of each service killed
 * (SIGKILL) and started again during the load, then a rolling restart of the complaints service. Afterwards every write
 * answered 2xx exists exactly once, its event is on its topic once, the reports count it once and the partner's webhook
 * received it once; no retryable request saw a 5xx. The figures (answers, lags, failover timings) are printed.
 */
@Tag("replicas")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration CATCH_UP = Duration.ofSeconds(180);
    /** The partner limit of this platform: small, over an hour, so the test sees exactly where it stops. */
    private static final int PARTNER_LIMIT = 20;
    /** How long an instance stays down before it is started again. */
    private static final Duration DOWN = Duration.ofSeconds(5);
    /** The stated bounds: events flow again, and every consumer partition moves again, within these after a kill. */
    private static final Duration RELAY_FAILOVER_BOUND = Duration.ofSeconds(5);
    private static final Duration REBALANCE_BOUND = Duration.ofSeconds(30);
    private static final List<String> SERVICES = List.of("complaints-service", "inspection-service",
            "asset-declaration-service", "reporting-service");
    private static final int RECEIVER_PORT = FreePorts.next();
    /** The reporting service's consumer group: its three channels (cases, inspections, declarations) share it. */
    private static final String REPORTING_GROUP = "reporting-service";

    private static Platform platform;
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    @BeforeAll
    static void startTwoOfEverything() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("inspectorate-replicas-");
        System.out.println("[replicas] data and service logs in " + data.resolve("logs"));
        Map<String, String> gateway = new LinkedHashMap<>();
        gateway.put("INSPECTORATE_GATEWAY_WEBHOOKS_ALLOWED_TARGETS", "127.0.0.1:" + RECEIVER_PORT);
        for (String role : List.of("PROVINCIAL_SYSTEM", "CENTRAL_ANALYST", "INSPECTOR", "ASSET_CONTROLLER",
                "PLATFORM_ADMIN")) {
            gateway.put("INSPECTORATE_GATEWAY_RATE_LIMIT_ROLES_" + role + "_CAPACITY", "1000000");
        }
        gateway.put("INSPECTORATE_GATEWAY_RATE_LIMIT_ROLES_PARTNER_CAPACITY", Integer.toString(PARTNER_LIMIT));
        gateway.put("INSPECTORATE_GATEWAY_RATE_LIMIT_ROLES_PARTNER_PERIOD", "PT1H");
        long began = System.nanoTime();
        platform = Platform.start(Platform.Options.ephemeral(root, data, line -> System.out.println("[replicas] " + line))
                .withReplicas(2)
                .withServiceEnvironment("gateway", gateway)
                .withServiceEnvironment("complaints-service", Map.of("INSPECTORATE_COMPLAINTS_OVERDUE_SCAN_EVERY", "off")));
        FIGURES.put("platform of two started in", seconds(System.nanoTime() - began));
    }

    @AfterAll
    static void stop() {
        System.out.println("[replicas] figures:");
        FIGURES.forEach((what, value) -> System.out.println("[replicas]   " + what + ": " + value));
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theRateLimitIsSharedByBothGateways() {
        String partner = clientToken("partner-demo-2");
        Map<Integer, Integer> answers = new TreeMap<>();
        Map<Integer, Integer> okByGateway = new TreeMap<>();
        for (int i = 0; i < 2 * PARTNER_LIMIT; i++) {
            int gateway = i % 2 + 1;
            int status = given().auth().oauth2(partner)
                    .get(platform.serviceUrl("gateway", gateway) + "/api/v1/subscriptions").statusCode();
            answers.merge(status, 1, Integer::sum);
            if (status == 200) {
                okByGateway.merge(gateway, 1, Integer::sum);
            }
        }
        FIGURES.put("partner limit " + PARTNER_LIMIT + "/h, " + 2 * PARTNER_LIMIT + " calls alternating two gateways",
                "answers " + answers + ", 200 by gateway " + okByGateway);
        assertThat(answers).as("answers to %d calls against a limit of %d shared by two gateways", 2 * PARTNER_LIMIT,
                PARTNER_LIMIT).containsExactlyInAnyOrderEntriesOf(Map.of(200, PARTNER_LIMIT, 429, PARTNER_LIMIT));
        assertThat(okByGateway).as("both gateways answered within the limit").containsOnlyKeys(1, 2);
    }

    @Test
    @Order(2)
    void underLoadOneInstanceOfEachServiceKilledAndARollingRestartLoseNothingAndDoubleNothing() throws Exception {
        String run = "E2E-REPL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate today = LocalDate.now(VIETNAM);
        String analyst = userToken("analyst");
        try (WebhookReceiver receiver = WebhookReceiver.start(RECEIVER_PORT)) {
            given().auth().oauth2(clientToken("partner-demo")).contentType("application/json")
                    .body(Map.of("callbackUrl", receiver.url("/hooks"), "eventTypes",
                            List.of(EventTypes.PUBLIC_CASE_STATUS_CHANGED), "provinces", List.of("VN-HN")))
                    .post(platform.gatewayUrl() + "/api/v1/subscriptions").then().statusCode(201);
            SteadyLoad load = new SteadyLoad(List.of(platform.serviceUrl("gateway", 1),
                    platform.serviceUrl("gateway", 2)), run, new SteadyLoad.Tokens() {
                        @Override
                        public String province() {
                            return clientToken("province-hn");
                        }

                        @Override
                        public String inspector() {
                            return userToken("inspector-hn");
                        }
                    });
            long loadBegan = System.nanoTime();
            Map<String, Instant[]> downs = new LinkedHashMap<>();
            awaitProgress(load, 10);
            Duration rebalanced = null;
            for (String module : SERVICES) {
                int members = module.equals("reporting-service") ? members(REPORTING_GROUP) : 0;
                Instant killed = Instant.now();
                platform.kill(module, 1);
                if (module.equals("reporting-service")) {
                    rebalanced = rebalanced(REPORTING_GROUP, members);
                    FIGURES.put("reporting-service-1 killed: its consumers' partitions reassigned to reporting-service-2"
                            + " after", seconds(rebalanced.toNanos()));
                } else {
                    Thread.sleep(DOWN);
                }
                platform.restart(module, 1);
                downs.put(module, new Instant[] {killed, Instant.now()});
                awaitProgress(load, 10);
            }
            Instant rolling = Instant.now();
            platform.restart("complaints-service", 1);
            platform.restart("complaints-service", 2);
            downs.put("complaints-service (rolling restart)", new Instant[] {rolling, Instant.now()});
            awaitProgress(load, 10);
            load.close();
            long loadNanos = System.nanoTime() - loadBegan;
            FIGURES.put("load", String.format("%s: %d cases, %d inspections, %d declarations accepted; %d requests"
                            + " sent, refused %s", seconds(loadNanos), load.acceptedCount(SteadyLoad.CASES),
                    load.acceptedCount(SteadyLoad.INSPECTIONS), load.acceptedCount(SteadyLoad.DECLARATIONS), load.sent(),
                    load.refusalsByStatus()));

            long checkBegan = System.nanoTime();
            checkCases(run, today, load, analyst, receiver, downs.get("complaints-service"));
            FIGURES.put("after the load, every case counted by the report and delivered to the partner in",
                    seconds(System.nanoTime() - checkBegan));
            checkInspections(run, today, load, analyst, downs.get("inspection-service"));
            checkDeclarations(run, today, load, analyst, downs.get("asset-declaration-service"));
            for (String topic : List.of(Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS)) {
                ReportingPositions.awaitWholeTopic(platform, topic, CATCH_UP);
            }
            // counted again once the reporting service has consumed every topic to its end: nothing counted twice late
            assertThat(figure(analyst, "cases.received", "body", run, today)).isEqualTo(load.acceptedCount(SteadyLoad.CASES));
            assertThat(figure(analyst, "inspections.opened", "body", "TTT-HN", today))
                    .isEqualTo(load.acceptedCount(SteadyLoad.INSPECTIONS));
            assertThat(figure(analyst, "declarations.submitted", "body", run, today))
                    .isEqualTo(load.acceptedCount(SteadyLoad.DECLARATIONS));
            assertThat(rebalanced).as("consumers rebalanced onto the surviving reporting instance")
                    .isLessThanOrEqualTo(REBALANCE_BOUND);
            // every write of the load was retryable (it carried an Idempotency-Key): the gateways never showed a 5xx
            List<SteadyLoad.Refusal> serverErrors = load.refusals().stream()
                    .filter(r -> r.status() >= 500 || r.status() == 0).toList();
            assertThat(serverErrors).as("5xx answers or failed connections to retryable writes").isEmpty();
        }
    }

    private void checkCases(String run, LocalDate today, SteadyLoad load, String analyst, WebhookReceiver receiver,
            Instant[] down) throws SQLException {
        List<SteadyLoad.Accepted> accepted = load.accepted(SteadyLoad.CASES);
        Set<String> ids = distinctIds(accepted, "case");
        assertThat(new HashSet<>(column("complaints", "select id from citizen_case where receiving_body_code = ?", run)))
                .as("cases of the load in the complaints database").isEqualTo(ids);
        List<ConsumerRecord<String, String>> events = onceEach(Topics.CASES, EventTypes.CASE_RECEIVED, ids);
        relayLag("complaints-service", accepted, events, down);
        Eventually.poll("the report counts every accepted case", CATCH_UP,
                () -> figure(analyst, "cases.received", "body", run, today), n -> n == ids.size());
        // the partner's webhook: each case's RECEIVED status delivered once to the one subscription
        List<WebhookReceiver.Delivery> deliveries = Eventually.poll("every case delivered to the partner", CATCH_UP,
                () -> received(receiver, ids), d -> d.stream().map(x -> x.event().getString("data.caseId"))
                        .collect(Collectors.toSet()).containsAll(ids));
        // one event per case reached the partner: the gateway queued one delivery for the one subscription
        Map<String, Set<String>> eventsPerCase = deliveries.stream().collect(Collectors.groupingBy(
                d -> d.event().getString("data.caseId"), Collectors.mapping(d -> d.event().getString("id"),
                        Collectors.toSet())));
        Map<String, Set<String>> twoEvents = eventsPerCase.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(twoEvents).as("cases whose RECEIVED status reached the partner as two events; %s",
                twoEvents.isEmpty() ? "" : whyTwice(twoEvents.keySet(), deliveries)).isEmpty();
        // a delivery is acknowledged once; it is posted again only after an attempt the gateway saw fail (no answer in
        // time: the partner may have it already, and tells by the delivery id it carries)
        Map<String, Long> postsPerDelivery = deliveries.stream().collect(Collectors.groupingBy(
                d -> d.headers().get("x-inspectorate-delivery"), Collectors.counting()));
        Set<String> postedAgain = postsPerDelivery.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(column("gateway", """
                select cast(delivery_id as text) from webhook_attempt where status_code between 200 and 299
                group by delivery_id having count(*) > 1"""))
                .as("deliveries acknowledged more than once").isEmpty();
        Set<String> failedAttempts = new HashSet<>(column("gateway", """
                select distinct cast(delivery_id as text) from webhook_attempt
                where status_code is null or status_code not between 200 and 299"""));
        assertThat(failedAttempts).as("deliveries posted again after an attempt that failed").containsAll(postedAgain);
        FIGURES.put("webhook deliveries of the load's cases", deliveries.size() + " posts for " + ids.size()
                + " cases, one event each; posted again after an unanswered attempt: " + postedAgain.size());
    }

    private void checkInspections(String run, LocalDate today, SteadyLoad load, String analyst, Instant[] down)
            throws SQLException {
        List<SteadyLoad.Accepted> accepted = load.accepted(SteadyLoad.INSPECTIONS);
        Set<String> ids = distinctIds(accepted, "inspection");
        assertThat(new HashSet<>(column("inspection", "select id from inspection where decision_number like ?",
                "QD-" + run + "-%"))).as("inspections of the load in the inspection database").isEqualTo(ids);
        List<ConsumerRecord<String, String>> events = onceEach(Topics.INSPECTIONS, EventTypes.INSPECTION_OPENED, ids);
        relayLag("inspection-service", accepted, events, down);
        Eventually.poll("the report counts every accepted inspection", CATCH_UP,
                () -> figure(analyst, "inspections.opened", "body", "TTT-HN", today), n -> n == ids.size());
    }

    private void checkDeclarations(String run, LocalDate today, SteadyLoad load, String analyst, Instant[] down)
            throws SQLException {
        List<SteadyLoad.Accepted> accepted = load.accepted(SteadyLoad.DECLARATIONS);
        Set<String> ids = distinctIds(accepted, "declaration");
        assertThat(new HashSet<>(column("declarations",
                "select id from declaration where agency_code = ? and status = 'SUBMITTED'", run)))
                .as("submitted declarations of the load in the declarations database").isEqualTo(ids);
        assertThat(column("declarations", "select id from declaration where agency_code = ?", run))
                .as("declarations of the load, drafts included: one per declarant").hasSize(ids.size());
        List<ConsumerRecord<String, String>> events = onceEach(Topics.DECLARATIONS, EventTypes.DECLARATION_SUBMITTED,
                ids);
        relayLag("asset-declaration-service", accepted, events, down);
        Eventually.poll("the report counts every submitted declaration", CATCH_UP,
                () -> figure(analyst, "declarations.submitted", "body", run, today), n -> n == ids.size());
    }

    private static Set<String> distinctIds(List<SteadyLoad.Accepted> accepted, String what) {
        Set<String> ids = accepted.stream().map(SteadyLoad.Accepted::id).collect(Collectors.toSet());
        assertThat(ids).as("distinct ids of the accepted %ss", what).hasSameSizeAs(accepted);
        assertThat(ids).as("accepted %ss", what).isNotEmpty();
        return ids;
    }

    /**
     * The events of one type for {@code ids} on a topic, once each by event id; a copy of an event (the same id again,
     * which consumers take once) is counted and printed, a second event for a record fails.
     */
    private List<ConsumerRecord<String, String>> onceEach(String topic, String type, Set<String> ids) {
        List<ConsumerRecord<String, String>> events = Eventually.poll(type + " of every accepted record on " + topic,
                CATCH_UP, () -> TopicRecords.read(platform.kafka().bootstrapServers(), topic,
                        r -> ids.contains(r.key()) && r.value().contains(type)),
                r -> r.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size() == ids.size());
        Map<String, Set<String>> eventIdsPerRecord = new HashMap<>();
        int copies = 0;
        List<ConsumerRecord<String, String>> first = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> event : events) {
            String eventId = JsonPath.from(event.value()).getString("id");
            eventIdsPerRecord.computeIfAbsent(event.key(), k -> new HashSet<>()).add(eventId);
            if (seen.add(eventId)) {
                first.add(event);
            } else {
                copies++;
            }
        }
        assertThat(eventIdsPerRecord.values()).as("%s events per record on %s", type, topic).allMatch(s -> s.size() == 1);
        FIGURES.put(type + " on " + topic, ids.size() + " records, one event each, " + copies
                + " copies of an event sent again by a relay");
        return first;
    }

    /**
     * How long after its 2xx each record's event reached the topic: the largest lag of the whole load, and of the records
     * accepted while the service's first instance was down (the relay had to run on the other instance).
     */
    private static void relayLag(String module, List<SteadyLoad.Accepted> accepted,
            List<ConsumerRecord<String, String>> events, Instant[] down) {
        Map<String, Long> published = events.stream().collect(Collectors.toMap(ConsumerRecord::key,
                ConsumerRecord::timestamp, Math::min));
        long worst = 0;
        long worstWhileDown = 0;
        for (SteadyLoad.Accepted a : accepted) {
            long lag = Math.max(0, published.get(a.id()) - a.at().toEpochMilli());
            worst = Math.max(worst, lag);
            if (!a.at().isBefore(down[0]) && !a.at().isAfter(down[1])) {
                worstWhileDown = Math.max(worstWhileDown, lag);
            }
        }
        FIGURES.put(module + ": 2xx to event on the topic, worst", worst + " ms; while instance 1 was down "
                + worstWhileDown + " ms");
        assertThat(Duration.ofMillis(worstWhileDown)).as("%s: events of writes accepted while instance 1 was down"
                + " published by instance 2 within the bound", module).isLessThanOrEqualTo(RELAY_FAILOVER_BOUND);
    }

    /**
     * For a failure's message: each delivery of the cases (event id, delivery id, when) and the case's public events
     * on the public topic, which tells whether the service published twice or the gateway delivered twice.
     */
    private String whyTwice(Set<String> cases, List<WebhookReceiver.Delivery> deliveries) {
        StringBuilder why = new StringBuilder();
        for (String caseId : cases) {
            why.append("case ").append(caseId).append(": deliveries ");
            deliveries.stream().filter(d -> caseId.equals(d.event().getString("data.caseId"))).forEach(d -> why
                    .append("[event ").append(d.event().getString("id")).append(", delivery ")
                    .append(d.headers().get("x-inspectorate-delivery")).append(", at ")
                    .append(d.headers().get("x-inspectorate-timestamp")).append("] "));
            why.append("; on ").append(Topics.PUBLIC).append(": ");
            TopicRecords.read(platform.kafka().bootstrapServers(), Topics.PUBLIC, r -> caseId.equals(r.key()))
                    .forEach(r -> why.append("[").append(r.partition()).append("@").append(r.offset()).append(" ")
                            .append(JsonPath.from(r.value()).getString("id")).append(" ")
                            .append(JsonPath.from(r.value()).getString("data.status")).append("] "));
        }
        return why.toString();
    }

    private static List<WebhookReceiver.Delivery> received(WebhookReceiver receiver, Set<String> ids) {
        return receiver.deliveries("/hooks").stream().filter(d -> ids.contains(d.event().getString("data.caseId"))
                && "RECEIVED".equals(d.event().getString("data.status"))).toList();
    }

    /** How many consumers the group has now (each instance has one per channel). */
    private int members(String group) {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe consumer group " + group, e);
        }
    }

    /**
     * The time until the group is stable again with the killed instance's consumers gone (its session expired) and
     * every partition of the case topic assigned to a surviving consumer.
     */
    private Duration rebalanced(String group, int membersBefore) {
        long began = System.nanoTime();
        try (Admin admin = admin()) {
            Eventually.poll("group " + group + " rebalanced without the killed instance", CATCH_UP,
                    Duration.ofMillis(200), () -> {
                        try {
                            return admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                        } catch (Exception e) {
                            return null;
                        }
                    }, g -> g != null && g.groupState() == GroupState.STABLE
                            && g.members().size() == membersBefore / 2
                            && g.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                                    .filter(tp -> tp.topic().equals(Topics.CASES)).count() == Platform.TOPIC_PARTITIONS);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers()));
    }

    private List<String> column(String database, String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl(database), "postgres", "");
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private long figure(String token, String figure, String scope, String value, LocalDate today) {
        return ReportFigures.figure(platform.gatewayUrl(), token, figure, Map.of("from",
                today.minusDays(1).toString(), "to", today.toString(), scope, value));
    }

    private static void awaitProgress(SteadyLoad load, int more) {
        int target = load.acceptedCount() + more;
        Eventually.poll(more + " more records accepted", CATCH_UP, load::acceptedCount, n -> n >= target);
    }

    private static String clientToken(String clientId) {
        return token("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                clientId + "-local-secret");
    }

    private static String userToken(String username) {
        return token("grant_type", "password", "client_id", "inspectorate-dashboard", "username", username,
                "password", username);
    }

    private static String token(String... form) {
        var request = given().contentType("application/x-www-form-urlencoded");
        for (int i = 0; i < form.length; i += 2) {
            request = request.formParam(form[i], form[i + 1]);
        }
        return request.post(platform.keycloak().tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
