package vn.inspectorate.bench.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the harness' scripts (Lua for wrk, SQL for pgbench) out of the jar, where the tools can read them. */
public final class Resources {

    public static Path extract(String name, Path folder) {
        try (InputStream in = Resources.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource bench/" + name);
            }
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource bench/" + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Resources() {
    }
}
