package vn.inspectorate.testsupport.openapi;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints what the OpenAPI validation counted once all tests of the JVM have run. */
public class OpenApiValidationReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String report = ValidationCounters.report();
        if (report != null) {
            System.out.println(report);
        }
    }
}
