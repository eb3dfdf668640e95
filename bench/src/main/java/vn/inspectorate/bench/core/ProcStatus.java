package vn.inspectorate.bench.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Figures of a Linux process from {@code /proc/<pid>/status}. */
public final class ProcStatus {

    /** Resident set size in MiB. */
    public static double rssMib(long pid) {
        try {
            return parseKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmRSS") / 1024.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value in kB of a {@code Name:   1234 kB} line. */
    static long parseKb(String status, String field) {
        return status.lines().filter(l -> l.startsWith(field + ":")).findFirst()
                .map(l -> Long.parseLong(l.substring(field.length() + 1).replace("kB", "").strip()))
                .orElseThrow(() -> new IllegalArgumentException("no " + field + " in status"));
    }

    private ProcStatus() {
    }
}
