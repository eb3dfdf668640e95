package vn.inspectorate.declarations.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HexFormat;

/** How the public view of a declaration is cached: its version (ETag) and how long a cache may keep it. */
final class PublicView {

    /** A correction shows within this long; the view otherwise changes only when its period ends. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private PublicView() {
    }

    /** A digest of everything the view shows (a record's text names every component, in order). */
    static String version(PublicationService.PublicDeclaration view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(view.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Public, for {@link #MAX_AGE} but never past the end of the last day of the period (Vietnam's time). */
    static String cacheControl(PublicationService.PublicDeclaration view, ZonedDateTime now) {
        ZonedDateTime end = view.visibleUntil().plusDays(1).atStartOfDay(now.getZone());
        long seconds = Math.max(0, Math.min(MAX_AGE.toSeconds(), Duration.between(now, end).toSeconds()));
        return "public, max-age=" + seconds;
    }
}
