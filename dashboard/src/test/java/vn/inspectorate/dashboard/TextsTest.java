package vn.inspectorate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every word of the pages exists in Vietnamese and in English, so neither language shows a bare key. */
class TextsTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties vi = load("/dashboard.properties");
        Properties en = load("/dashboard_en.properties");
        assertThat(vi.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
