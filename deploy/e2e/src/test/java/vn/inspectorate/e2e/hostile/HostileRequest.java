package vn.inspectorate.e2e.hostile;

import java.nio.charset.StandardCharsets;

/**
 * One request as sent, with what it was made from, so a failure names everything needed to send it again;
 * {@code neverValid} when no service may accept it (see {@link Mutations#neverValid}).
 */
record HostileRequest(long seed, String operation, String mutation, String role, String method, String path,
        String contentType, byte[] body, boolean neverValid) {

    String describe() {
        String text = body == null ? "<no body>" : new String(body, StandardCharsets.UTF_8);
        String preview = text.length() > 600 ? text.substring(0, 600) + "... (" + body.length + " bytes)" : text;
        return "seed " + seed + " [" + mutation + "] as " + role + ": " + method + " " + path + " Content-Type: "
                + contentType + "\n  body: " + preview;
    }
}
