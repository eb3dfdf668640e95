package vn.inspectorate.declarations.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.language.Messages;
import vn.inspectorate.testsupport.BundleFiles;

/** Every text of the service is in both languages, and every key its code names is in the bundles. */
class DeclarationBundlesTest {

    /** A string literal shaped like one of the service's message keys. */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:what|read|natural-key|error|declarations?|declarant|verification|change|transfer|reminder|rules"
                    + "|access-log)\\.[a-z0-9.-]+)\"");

    @Test
    void everyKeyIsInBothLanguages() {
        BundleFiles.assertSameKeys("messages");
        // constraint messages: Vietnamese in _vi (no base file), English in _en
        Properties vietnamese = load("ContributorValidationMessages_vi.properties");
        Properties english = load("ContributorValidationMessages_en.properties");
        assertThat(vietnamese.stringPropertyNames()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(vietnamese.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(english.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    private static Properties load(String resource) {
        try (InputStream in = DeclarationBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKeyTheCodeNamesHasItsText() {
        Set<String> named = keysNamedIn(Path.of("src/main/java"));
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(named).allSatisfy(key -> {
            assertThat(Messages.pattern(Languages.VIETNAMESE, key)).as(key).isPresent();
            assertThat(Messages.pattern(Languages.ENGLISH, key)).as(key).isPresent();
        });
    }

    private static Set<String> keysNamedIn(Path sources) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
