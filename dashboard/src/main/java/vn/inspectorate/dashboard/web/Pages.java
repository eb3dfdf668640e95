package vn.inspectorate.dashboard.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.inspectorate.dashboard.api.ApiProblem;

/** Builds each page's frame ({@link Page}) for the current request, and collects the API's problems for it. */
@RequestScoped
public class Pages {

    private final Lang lang;
    private final Texts t;
    private final Formats fmt;
    private final CurrentUser user;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final RoutingContext ctx;
    private final List<ApiProblem> problems = new ArrayList<>();

    Pages(Lang lang, CurrentUser user, SecurityIdentity identity, Csrf csrf, RoutingContext ctx) {
        this.lang = lang;
        this.t = Texts.of(lang);
        this.fmt = new Formats(lang);
        this.user = user;
        this.identity = identity;
        this.csrf = csrf;
        this.ctx = ctx;
    }

    public Texts t() {
        return t;
    }

    public Formats fmt() {
        return fmt;
    }

    public Lang lang() {
        return lang;
    }

    public CurrentUser user() {
        return user;
    }

    /** Notes a problem the API answered; the page shows it in words with its request id. */
    public void problem(ApiProblem problem) {
        problems.add(problem);
    }

    public Page page(String titleKey, String active) {
        List<Page.NavItem> nav = new ArrayList<>();
        nav.add(item("overview", "", active));
        nav.add(item("trends", "trends", active));
        nav.add(item("provinces", "provinces", active));
        nav.add(item("watchlist", "watchlist", active));
        nav.add(item("inspections", "inspections", active));
        if (user.assetController()) {
            nav.add(item("declarations", "declarations", active));
        }
        nav.add(item("reports", "reports", active));
        String other = lang.english() ? "vi" : "en";
        String otherLabel = lang.english() ? "Tiếng Việt" : "English";
        return new Page(t, fmt, lang.code(), t.get(titleKey), active, nav, sameWith("lang", other), otherLabel, other,
                user.name(), Csrf.FIELD, csrf.token(identity), List.copyOf(problems));
    }

    private Page.NavItem item(String key, String path, String active) {
        return new Page.NavItem(key, t.get("nav." + key), "/dashboard/" + path, key.equals(active));
    }

    /** This page's address with one query parameter set (or replaced), e.g. another sort order or language. */
    public String sameWith(String name, String value) {
        String query = ctx.queryParams().entries().stream()
                .filter(e -> !e.getKey().equals(name))
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String path = ctx.normalizedPath();
        return path + "?" + (query.isEmpty() ? "" : query + "&") + enc(name) + "=" + enc(value);
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
