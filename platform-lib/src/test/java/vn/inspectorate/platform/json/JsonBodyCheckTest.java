package vn.inspectorate.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.problem.ProblemException;

class JsonBodyCheckTest {

    record Body(String name) {
    }

    /** Vietnamese text of some 60,000 bytes: the decoder runs through many of its chunks. */
    private static final String LONG = "{\"name\":\"" + "Thanh tra tỉnh Ninh Bình; ".repeat(2_000) + "\"}";

    @Test
    void aLongValidBodyComesBackWhole() throws IOException {
        byte[] body = LONG.getBytes(StandardCharsets.UTF_8);
        assertThat(JsonBodyCheck.checked(new ByteArrayInputStream(body), Body.class)).isEqualTo(body);
    }

    @Test
    void aBadByteFarIntoALongBodyIsFoundAndNamed() {
        byte[] body = LONG.getBytes(StandardCharsets.UTF_8);
        int at = body.length - 10;
        body[at] = (byte) 0xFF; // never in UTF-8
        assertThatThrownBy(() -> JsonBodyCheck.checked(new ByteArrayInputStream(body), Body.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().slug()).isEqualTo("malformed-body");
                    assertThat(e.problem().detail()).contains(String.valueOf(at));
                });
    }

    @Test
    void aSequenceCutOffAtTheEndIsNotUtf8() {
        byte[] text = "{\"name\":\"Bình\"}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(text, text.length + 1);
        cut[text.length] = (byte) 0xE1; // the lead byte of a three-byte sequence, and nothing after it
        assertThatThrownBy(() -> JsonBodyCheck.checked(new ByteArrayInputStream(cut), Body.class))
                .isInstanceOf(ProblemException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void aListMayBeAnyJsonButAnObjectMustBeOne() throws IOException {
        byte[] array = "[1, 2]".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonBodyCheck.checked(new ByteArrayInputStream(array), List.class)).isEqualTo(array);
        assertThatThrownBy(() -> JsonBodyCheck.checked(new ByteArrayInputStream(array), Body.class))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> JsonBodyCheck.checked(new ByteArrayInputStream(new byte[0]), Body.class))
                .isInstanceOf(ProblemException.class);
    }
}
