package vn.inspectorate.dashboard.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words of the pages: {@code dashboard.properties} (Vietnamese) and {@code dashboard_en.properties}. */
public final class Texts {

    private static final ResourceBundle VI = load(Locale.ROOT);
    private static final ResourceBundle EN = load(Locale.ENGLISH);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Texts of(Lang lang) {
        return new Texts(lang.english() ? EN : VI, lang.locale());
    }

    /** The text of {@code key}; the key itself when missing, so a gap shows rather than breaks the page. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The text of {@code key} with its {@code {0}} ... filled in. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    /** Words for a figure or field name the API returned (e.g. {@code status}); the name when there are none. */
    public String field(String name) {
        String key = "field." + name;
        String text = get(key);
        return text.equals(key) ? name : text;
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle("dashboard", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
