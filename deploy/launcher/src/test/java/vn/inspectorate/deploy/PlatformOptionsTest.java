package vn.inspectorate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformOptionsTest {

    private static final Path ROOT = Path.of("/nonexistent/repository");

    @Test
    void onFixedPortsTheSecondInstancesListenTenAboveAndTheirManagementAHundredAbove() {
        Platform.Options options = Platform.Options.local(ROOT).withReplicas(2);

        assertThat(options.replicas()).isEqualTo(2);
        assertThat(options.servicePorts()).containsEntry("gateway", 8080).containsEntry("gateway-2", 8090)
                .containsEntry("complaints-service", 8081).containsEntry("complaints-service-2", 8091)
                .containsEntry("reporting-service-2", 8094);
        assertThat(options.managementPorts()).containsEntry("complaints-service", 9081)
                .containsEntry("complaints-service-2", 9181).containsEntry("gateway-2", 9180);
    }

    @Test
    void onFreePortsEveryInstanceHasPortsOfItsOwn() {
        Platform.Options options = Platform.Options.ephemeral(ROOT, ROOT.resolve("data"), line -> { }).withReplicas(3);

        Set<Integer> all = new HashSet<>(options.servicePorts().values());
        all.addAll(options.managementPorts().values());
        int instances = Platform.SERVICES.size() * 3;
        assertThat(options.servicePorts()).hasSize(instances);
        assertThat(all).as("distinct ports").hasSize(2 * instances);
        assertThat(options.servicePorts()).containsKeys("complaints-service", "complaints-service-2",
                "complaints-service-3");
    }

    @Test
    void settingsForAServiceReachEveryInstanceAndTheCountSurvivesThem() {
        Platform.Options options = Platform.Options.local(ROOT).withReplicas(2)
                .withServiceEnvironment("gateway", java.util.Map.of("A", "1"));

        assertThat(options.replicas()).isEqualTo(2);
        assertThat(options.serviceEnvironment().get("gateway")).containsEntry("A", "1");
    }

    @Test
    void anInstanceIsNamedAfterItsModuleAndNumber() {
        assertThat(List.of(new Platform.Instance("gateway", 1).name(), new Platform.Instance("gateway", 2).name()))
                .containsExactly("gateway", "gateway-2");
        assertThatThrownBy(() -> Platform.Options.local(ROOT).withReplicas(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
