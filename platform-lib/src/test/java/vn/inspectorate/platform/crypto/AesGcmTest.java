package vn.inspectorate.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final SecretKey KEY = AesGcm.key(Base64.getEncoder().encodeToString(new byte[32]), "test.key");
    private static final byte[] PLAIN = "Nguyễn Văn A, 001090000001".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW = "case-1".getBytes(StandardCharsets.US_ASCII);

    @Test
    void opensWhatItSealedAndNeverRepeatsACiphertext() {
        byte[] first = AesGcm.seal(KEY, PLAIN, ROW);
        byte[] second = AesGcm.seal(KEY, PLAIN, ROW);
        assertThat(first).isNotEqualTo(second).hasSize(12 + PLAIN.length + 16);
        assertThat(AesGcm.open(KEY, first, ROW)).isEqualTo(PLAIN);
        assertThat(AesGcm.open(KEY, AesGcm.seal(KEY, PLAIN, null), null)).isEqualTo(PLAIN);
    }

    @Test
    void refusesAnotherRowAnotherKeyOrATamperedValue() {
        byte[] sealed = AesGcm.seal(KEY, PLAIN, ROW);
        assertThatThrownBy(() -> AesGcm.open(KEY, sealed, "case-2".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> AesGcm.open(AesGcm.key(Base64.getEncoder().encodeToString(otherKey), "k"), sealed, ROW))
                .isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> AesGcm.open(KEY, sealed, ROW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aThreadsCipherServesTheNextValueAfterARefusedOne() {
        byte[] tampered = AesGcm.seal(KEY, PLAIN, ROW);
        tampered[12] ^= 1;
        assertThatThrownBy(() -> AesGcm.open(KEY, tampered, ROW)).isInstanceOf(IllegalStateException.class);
        byte[] sealed = AesGcm.seal(KEY, PLAIN, ROW);
        assertThat(AesGcm.open(KEY, sealed, ROW)).isEqualTo(PLAIN);
        assertThat(AesGcm.open(KEY, AesGcm.seal(KEY, ROW, PLAIN), PLAIN)).isEqualTo(ROW);
    }

    @Test
    void namesTheSettingOfABadKey() {
        assertThatThrownBy(() -> AesGcm.key(Base64.getEncoder().encodeToString(new byte[16]), "inspectorate.x.key"))
                .hasMessageContaining("inspectorate.x.key").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> AesGcm.key("not base64!", "inspectorate.x.key")).hasMessageContaining("not base64");
    }
}
