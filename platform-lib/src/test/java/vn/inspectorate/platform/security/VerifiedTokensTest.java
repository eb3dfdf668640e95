package vn.inspectorate.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, Duration.ofMinutes(10), clock);

    @Test
    void aKeptVerificationIsFoundForTheSameTokenOnly() {
        tokens.keep("header.payload.signature", NOW.plusSeconds(300), "alice");

        assertThat(tokens.find("header.payload.signature")).contains("alice");
        assertThat(tokens.find("header.payload.signaturf")).isEmpty();
        assertThat(tokens.find("header.payload.signature ")).isEmpty();
    }

    @Test
    void aVerificationEndsWhenTheTokenExpires() {
        tokens.keep("t", NOW.plusSeconds(300), "alice");

        clock.now = NOW.plusSeconds(299);
        assertThat(tokens.find("t")).contains("alice");
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.find("t")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        tokens.keep("t", NOW.plus(Duration.ofHours(8)), "alice");

        clock.now = NOW.plus(Duration.ofMinutes(10)).minusSeconds(1);
        assertThat(tokens.find("t")).contains("alice");
        clock.now = NOW.plus(Duration.ofMinutes(10));
        assertThat(tokens.find("t")).isEmpty();
    }

    @Test
    void anExpiredOrUndatedTokenIsNotKept() {
        tokens.keep("expired", NOW, "alice");
        tokens.keep("undated", null, "bob");

        assertThat(tokens.size()).isZero();
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBoundAndDropsExpiredEntriesFirst() {
        tokens.keep("short", NOW.plusSeconds(10), "a");
        tokens.keep("long-1", NOW.plusSeconds(300), "b");
        tokens.keep("long-2", NOW.plusSeconds(300), "c");
        clock.now = NOW.plusSeconds(20);

        tokens.keep("long-3", NOW.plusSeconds(300), "d");
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("long-1")).contains("b");
        assertThat(tokens.find("long-2")).contains("c");
        assertThat(tokens.find("long-3")).contains("d");

        for (int i = 0; i < 50; i++) {
            tokens.keep("more-" + i, NOW.plusSeconds(300), "x");
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        assertThat(tokens.find("more-49")).contains("x");
    }

    @Test
    void theKeyIsADigestNotTheToken() {
        assertThat(VerifiedTokens.key("secret.token.value")).hasSize(64).doesNotContain("secret");
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
