package vn.inspectorate.gateway;

import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.BundleFiles;

/** Every text of the gateway is in both languages. */
class GatewayBundlesTest {

    @Test
    void everyKeyIsInBothLanguages() {
        BundleFiles.assertSameKeys("messages");
    }
}
