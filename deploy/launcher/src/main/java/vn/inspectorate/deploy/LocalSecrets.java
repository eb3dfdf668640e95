package vn.inspectorate.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Keys for one local data folder: generated on first start, then read back so encrypted rows stay readable. */
final class LocalSecrets {

    private LocalSecrets() {
    }

    static Map<String, String> load(Path file, List<String> names) {
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file)) {
                    stored.load(r);
                }
            }
            SecureRandom random = new SecureRandom();
            boolean added = false;
            for (String name : names) {
                if (!stored.containsKey(name)) {
                    byte[] key = new byte[32];
                    random.nextBytes(key);
                    stored.setProperty(name, Base64.getEncoder().encodeToString(key));
                    added = true;
                }
            }
            if (added) {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                try (Writer w = Files.newBufferedWriter(file)) {
                    stored.store(w, "Keys of this local platform only; generated on first start, never committed");
                }
            }
            Map<String, String> result = new LinkedHashMap<>();
            names.forEach(n -> result.put(n, stored.getProperty(n)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }
}
