package vn.inspectorate.dashboard.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The page's language: Vietnamese unless the user chose English, by {@code ?lang=en} (kept in a cookie for the next
 * pages) or an earlier choice in the {@code lang} cookie.
 */
@RequestScoped
public class Lang {

    public static final String COOKIE = "lang";

    private final String code;

    @Inject
    Lang(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String asked = request.getParam("lang");
        if ("en".equals(asked) || "vi".equals(asked)) {
            code = asked;
            ctx.response().addCookie(Cookie.cookie(COOKIE, asked).setPath("/dashboard").setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setSecure("https".equals(request.scheme()))
                    .setMaxAge(365L * 24 * 3600));
        } else {
            Cookie cookie = request.getCookie(COOKIE);
            code = cookie != null && "en".equals(cookie.getValue()) ? "en" : "vi";
        }
    }

    private Lang(String code) {
        this.code = code;
    }

    /** A language not read from a request (e.g. for tests of formatting). */
    public static Lang fixed(String code) {
        return new Lang("en".equals(code) ? "en" : "vi");
    }

    /** {@code vi} or {@code en}. */
    public String code() {
        return code;
    }

    public boolean english() {
        return "en".equals(code);
    }

    public Locale locale() {
        return english() ? Locale.UK : Locale.forLanguageTag("vi-VN");
    }
}
