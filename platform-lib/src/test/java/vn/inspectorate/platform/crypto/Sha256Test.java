package vn.inspectorate.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void digestsAsTheStandardSaysAndForgetsTheValueBefore() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        // FIPS 180-2, appendix B.1
        String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(HexFormat.of().formatHex(Sha256.of("something else".getBytes(StandardCharsets.US_ASCII))))
                .isNotEqualTo(expected);
        assertThat(HexFormat.of().formatHex(Sha256.of(abc))).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(Sha256.of(abc))).isEqualTo(expected);
    }

    @Test
    void partsAreDigestedAsTheirConcatenation() {
        byte[] whole = Sha256.of("query\0body".getBytes(StandardCharsets.UTF_8));
        byte[] parts = Sha256.of("query".getBytes(StandardCharsets.UTF_8), new byte[] {0},
                "body".getBytes(StandardCharsets.UTF_8));
        assertThat(parts).isEqualTo(whole);
    }
}
