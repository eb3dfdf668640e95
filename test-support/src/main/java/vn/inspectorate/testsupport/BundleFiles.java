package vn.inspectorate.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Checks a message bundle's Vietnamese base file and its English file side by side. */
public final class BundleFiles {

    private BundleFiles() {
    }

    /** Fails naming each key one language has and the other lacks, and each empty text. */
    public static void assertSameKeys(String bundle) {
        Properties vietnamese = load(bundle + ".properties");
        Properties english = load(bundle + "_en.properties");
        Set<String> onlyVietnamese = new TreeSet<>(vietnamese.stringPropertyNames());
        onlyVietnamese.removeAll(english.stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(vietnamese.stringPropertyNames());
        assertTrue(onlyVietnamese.isEmpty(), () -> bundle + ": keys missing in English: " + onlyVietnamese);
        assertTrue(onlyEnglish.isEmpty(), () -> bundle + ": keys missing in Vietnamese: " + onlyEnglish);
        assertFalse(vietnamese.isEmpty(), bundle + " has no keys");
        for (String key : vietnamese.stringPropertyNames()) {
            assertFalse(vietnamese.getProperty(key).isBlank(), () -> bundle + ": empty Vietnamese " + key);
            assertFalse(english.getProperty(key).isBlank(), () -> bundle + ": empty English " + key);
        }
    }

    private static Properties load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
