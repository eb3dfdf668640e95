package vn.inspectorate.platform.language;

import java.util.List;
import java.util.Locale;

/**
 * The two languages the platform answers in. Vietnamese is the users' language and the default: a request that sends
 * no {@code Accept-Language}, a malformed one, or one that asks for neither language is answered in Vietnamese;
 * English is chosen only when the client prefers it (by q-value) over Vietnamese.
 */
public final class Languages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    public static final String VARY = "Vary";

    private Languages() {
    }

    /** The language to answer a request with, from its {@code Accept-Language} header (null when absent). */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return VIETNAMESE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return VIETNAMESE;
        }
        // parse orders the ranges by weight, highest first, keeping the header's order among equals
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0];
            if ("vi".equals(primary) || "*".equals(primary)) {
                return VIETNAMESE;
            }
            if ("en".equals(primary)) {
                return ENGLISH;
            }
        }
        return VIETNAMESE;
    }

    /** The tag to answer with in {@code Content-Language}: {@code vi} or {@code en}. */
    public static String tag(Locale language) {
        return isEnglish(language) ? "en" : "vi";
    }

    public static boolean isEnglish(Locale language) {
        return "en".equals(language.getLanguage());
    }
}
