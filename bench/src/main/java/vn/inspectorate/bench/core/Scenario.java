package vn.inspectorate.bench.core;

/** One benchmark scenario, run against an already started platform. */
public interface Scenario {

    /** The name used on the command line and for the result file. */
    String name();

    ScenarioResult run(BenchPlatform platform) throws Exception;

    /**
     * A short run of this scenario's load, nothing measured, for the services' AOT caches to record what it makes them
     * load and compile (see {@link BenchPlatform#start}). Nothing by default.
     */
    default void train(BenchPlatform platform) throws Exception {
    }
}
