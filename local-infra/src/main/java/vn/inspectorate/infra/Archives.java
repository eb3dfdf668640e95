package vn.inspectorate.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Unpacks a server distribution once into a folder that several JVMs may race to create. */
final class Archives {

    @FunctionalInterface
    interface TarSource {
        InputStream open() throws IOException;
    }

    private Archives() {
    }

    /**
     * Unpacks the (already decompressed) tar stream into {@code target} unless {@code marker} exists there. The archive
     * is unpacked beside the target and moved in atomically, so a JVM never sees a half-unpacked folder; when two race,
     * the loser drops its copy. {@code stripTopFolder} drops the archive's single top-level folder.
     */
    static synchronized Path unpackOnce(Path target, String marker, boolean stripTopFolder, TarSource source) {
        if (Files.exists(target.resolve(marker))) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "unpack-");
            try (InputStream raw = source.open(); var tar = new TarArchiveInputStream(raw)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (stripTopFolder) {
                        int slash = name.indexOf('/');
                        name = slash < 0 ? "" : name.substring(slash + 1);
                    }
                    if (name.isEmpty()) {
                        continue;
                    }
                    Path file = staging.resolve(name).normalize();
                    if (!file.startsWith(staging)) {
                        throw new IOException("archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(file.getParent());
                        Files.deleteIfExists(file);
                        Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
                        file.toFile().setExecutable((entry.getMode() & 0100) != 0, false);
                    }
                }
            }
            try (Stream<Path> all = Files.walk(staging)) {
                all.forEach(p -> {
                    p.toFile().setReadable(true, false);
                    if (Files.isDirectory(p)) {
                        p.toFile().setExecutable(true, false);
                    }
                });
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another JVM unpacked the same distribution first: use its copy
                deleteTree(staging);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack into " + target, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
