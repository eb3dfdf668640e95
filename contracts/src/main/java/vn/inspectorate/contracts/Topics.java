package vn.inspectorate.contracts;

/** Kafka topic names. Internal topics carry one producing service's events; the public topic is sanitized. */
public final class Topics {
    public static final String CASES = "inspectorate.cases.v1";
    public static final String INSPECTIONS = "inspectorate.inspections.v1";
    public static final String DECLARATIONS = "inspectorate.declarations.v1";
    public static final String REPORTS = "inspectorate.reports.v1";
    /**
     * Reference data changed by a platform admin: inspection bodies and the public calendar from inspection-service;
     * the rule sets of complaints-service and the dated rules of asset-declaration-service from those services.
     */
    public static final String REFERENCE = "inspectorate.reference.v1";
    /** Sanitized events for partners: never names, citizen ids, addresses or denouncer identity. */
    public static final String PUBLIC = "inspectorate.public.v1";

    /** The dead-letter topic of one consumer service, e.g. {@code inspectorate.reporting.dlq}. */
    public static String deadLetter(String service) {
        return "inspectorate." + service + ".dlq";
    }

    private Topics() {
    }
}
