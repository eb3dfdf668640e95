package vn.inspectorate.bench.core;

/** One benchmark scenario, run against an already started platform. */
public interface Scenario {

    /** The name used on the command line and for the result file. */
    String name();

    ScenarioResult run(BenchPlatform platform) throws Exception;
}
