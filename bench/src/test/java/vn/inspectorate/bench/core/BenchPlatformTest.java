package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPlatformTest {

    @Test
    void refusesToWipeAFolderWhosePostgresIsStillRunning(@TempDir Path data) throws Exception {
        Path pidFile = data.resolve("postgres/data/postmaster.pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n/some/dir\n");

        assertThatThrownBy(() -> BenchPlatform.refuseIfInUse(data)).hasMessageContaining("another benchmark run");
    }

    @Test
    void aLeftoverPidFileOfADeadServerOrNoneIsFine(@TempDir Path data) throws Exception {
        assertThatCode(() -> BenchPlatform.refuseIfInUse(data)).doesNotThrowAnyException();
        Path pidFile = data.resolve("postgres/data/postmaster.pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.MAX_VALUE + "\n");

        assertThatCode(() -> BenchPlatform.refuseIfInUse(data)).doesNotThrowAnyException();
    }
}
