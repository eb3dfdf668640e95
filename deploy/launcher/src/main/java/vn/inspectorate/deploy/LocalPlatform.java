package vn.inspectorate.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./platform}: the whole platform on localhost with fixed ports and data kept under {@code .platform/} between
 * runs. Ports come from system properties ({@code -Dpostgres.port=...}, {@code -Dgateway.port=...}) or the defaults.
 * Ctrl-C stops it all.
 */
public final class LocalPlatform {

    /** Held so the levels stick: the console shows progress, the servers' own chatter stays at warnings. */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("kafka"), java.util.logging.Logger.getLogger("org.apache.kafka"),
            java.util.logging.Logger.getLogger("state.change.logger"),
            java.util.logging.Logger.getLogger("vn.inspectorate.infra"));

    public static void main(String[] args) throws Exception {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        if (!applyArguments(args)) {
            System.exit(2);
            return;
        }
        boolean demoData = Boolean.getBoolean("demo-data");
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Platform.Options options = Platform.Options.local(root).withReplicas(Integer.getInteger("replicas", 1));
        System.out.println("Starting the platform; data in " + options.dataDir());
        Platform platform;
        try {
            platform = Platform.start(options);
        } catch (RuntimeException e) {
            System.err.println("The platform did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            platform.close();
            System.out.println("Stopped. Data is kept in " + options.dataDir());
        }, "stop-platform"));

        System.out.println();
        System.out.println("The platform is up.");
        System.out.println("  Dashboard (sign in as a demo user below)  " + platform.gatewayUrl() + "/dashboard/");
        System.out.printf("  %-27s %s  (OpenAPI: /q/openapi, Swagger UI: /q/swagger-ui)%n", "gateway",
                instanceUrls(platform, "gateway", platform::serviceUrl));
        Platform.SERVICES.stream().filter(s -> !s.module().equals("gateway") && !s.module().equals("dashboard"))
                .forEach(s -> System.out.printf("  %-27s %s  (OpenAPI: /q/openapi)%n", s.module(),
                        instanceUrls(platform, s.module(), platform::serviceUrl)));
        System.out.println("  management (metrics /q/metrics, health /q/health):");
        Platform.SERVICES.forEach(s -> System.out.printf("    %-25s %s%n", s.module(),
                instanceUrls(platform, s.module(), platform::managementUrl)));
        if (platform.replicas() > 1) {
            System.out.println("  " + platform.replicas() + " instances of each service; each gateway balances across"
                    + " every instance and they share one rate limit");
        }
        System.out.println("  PostgreSQL                  " + platform.postgres().jdbcUrl("<service>") + " (user postgres)");
        System.out.println("  Kafka                       " + platform.kafka().bootstrapServers());
        System.out.println("  Keycloak                    " + platform.keycloak().baseUrl() + "  (admin console: admin / admin)");
        System.out.println("  Logs                        " + platform.logs());
        System.out.println();
        System.out.println("Demo clients and users (local secrets only; production takes them from the environment):");
        System.out.println("  clients (client credentials): province-hn (VN-HN), province-nb (VN-18), province-hp (VN-HP), partner-demo, partner-demo-2;"
                + " secret <client>-local-secret");
        System.out.println("  users (password = user name, client inspectorate-dashboard): inspector-hn, inspector-nb,"
                + " chief-inspector-hn, chief-inspector-ttcp, analyst, asset-controller, admin");
        System.out.println("  on the dashboard try analyst (every province), inspector-nb (Ninh Bình, VN-18 only) and"
                + " asset-controller (declarations)");
        System.out.println();
        System.out.println("Post a case as Ha Noi's provincial system, through the gateway:");
        System.out.println("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=province-hn"
                + " -d client_secret=province-hn-local-secret " + platform.keycloak().tokenUrl()
                + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
                + platform.gatewayUrl() + "/api/v1/cases -d '" + sampleCase() + "'");
        System.out.println();
        if (demoData) {
            loadDemoData(platform);
        } else {
            System.out.println("Reports are empty on a fresh start: ./platform --demo-data loads a few months of cases,"
                    + " inspections and declarations of Ha Noi and Ninh Binh.");
        }
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    /** Every instance's URL of a service, first to last. */
    private static String instanceUrls(Platform platform, String module,
            java.util.function.BiFunction<String, Integer, String> url) {
        return String.join(", ", platform.instances(module).stream().map(i -> url.apply(module, i.number())).toList());
    }

    /**
     * Arguments after {@code ./platform} reach the launcher as arguments, not as JVM options: {@code -Dkey=value}
     * becomes a system property here, {@code --demo-data} is {@code -Ddemo-data=true} and {@code --replicas N} is
     * {@code -Dreplicas=N}. False for anything else.
     */
    private static boolean applyArguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--demo-data")) {
                System.setProperty("demo-data", "true");
            } else if (arg.equals("--replicas") || arg.startsWith("--replicas=")) {
                String count = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : "";
                if (!count.matches("[1-9]")) {
                    System.err.println("--replicas takes a number of instances per service from 1 to 9, not '" + count
                            + "'.");
                    return false;
                }
                System.setProperty("replicas", count);
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                int eq = arg.indexOf('=');
                System.setProperty(arg.substring(2, eq < 0 ? arg.length() : eq),
                        eq < 0 ? "true" : arg.substring(eq + 1));
            } else {
                System.err.println("Unknown argument '" + arg + "': use --demo-data, --replicas N and -D<property>=<value>"
                        + " (e.g. -Dgateway.port=9080).");
                return false;
            }
        }
        return true;
    }

    /** Loads the demo data through the gateway; a failure is reported and leaves the platform running. */
    private static void loadDemoData(Platform platform) {
        try {
            System.out.println(DemoData.load(platform.gatewayUrl(), platform.keycloak().tokenUrl(), System.out::println)
                    .line());
        } catch (RuntimeException e) {
            System.out.println("demo data failed: " + e.getMessage());
            System.out.println("  the platform keeps running; the services' logs are in " + platform.logs()
                    + ", and ./platform --demo-data carries on from what was written");
        }
        System.out.println();
    }

    /** A complaint received yesterday, with a fresh source reference so the curl creates a case each time it is copied. */
    private static String sampleCase() {
        return "{\"sourceSystem\":\"hn-portal\",\"sourceReference\":\"demo-" + java.util.UUID.randomUUID()
                + "\",\"provinceCode\":\"VN-HN\",\"receivingBodyCode\":\"HN-INSPECTORATE\",\"channel\":\"LETTER\","
                + "\"kind\":\"COMPLAINT\",\"receivedOn\":\"" + java.time.LocalDate.now(DemoData.VIETNAM).minusDays(1)
                + "\",\"subject\":\"Land recovery compensation decision\","
                + "\"complainant\":{\"fullName\":\"Nguyen Van A\",\"idNumber\":\"001090000001\","
                + "\"address\":\"1 Trang Tien, Hoan Kiem\"}}";
    }

    private LocalPlatform() {
    }
}
