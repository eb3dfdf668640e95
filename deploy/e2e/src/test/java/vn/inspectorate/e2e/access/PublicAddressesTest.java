package vn.inspectorate.e2e.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.e2e.RunningPlatform;

/**
 * The URLs the API answers point at the gateway, the platform's one public address, never at the service behind it:
 * the gateway forwards its public scheme, host and port and the services build {@code Location} from them.
 */
class PublicAddressesTest {

    @Test
    void createdRecordsAreLocatedUnderTheGatewaysAddress() {
        String gateway = RunningPlatform.get().gatewayUrl();
        String suffix = "loc-" + UUID.randomUUID().toString().substring(0, 8);

        Response inspection = ProvinceRecords.post(gateway + "/api/v1/inspections", Principal.INSPECTOR_HN,
                ProvinceRecords.adHocInspection("VN-HN", "TTT-HN", suffix), 201);
        assertThat(inspection.header("Location"))
                .isEqualTo(gateway + "/api/v1/inspections/" + inspection.path("id"));

        Response kase = ProvinceRecords.post(gateway + "/api/v1/cases", Principal.PROVINCE_HN,
                ProvinceRecords.complaint("VN-HN", "TTT-HN", suffix), 201);
        assertThat(kase.header("Location")).isEqualTo(gateway + "/api/v1/cases/" + kase.path("id"));
    }
}
