package vn.inspectorate.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrkTest {

    @TempDir
    Path folder;

    @Test
    void eachScriptIsWrittenWithTheFiguresHookOnceAfterIt() throws Exception {
        for (String name : new String[] {"intake.lua", "paths.lua"}) {
            String script = Files.readString(Wrk.script(name, folder).script());

            assertThat(script).as(name).contains("function request()");
            assertThat(script.split("function done\\(", -1)).as(name + ": one done hook").hasSize(2);
            assertThat(script.indexOf("function done(")).as(name + ": the hook comes last")
                    .isGreaterThan(script.indexOf("function request()"));
            assertThat(script).as(name).contains("BENCH_WRK requests=%d");
        }
    }
}
