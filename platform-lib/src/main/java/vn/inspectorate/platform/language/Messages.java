package vn.inspectorate.platform.language;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The texts users read, kept in resource bundles (UTF-8 properties): a service's own {@code messages} bundle, then the
 * platform's {@code platform-messages}. The base file of each is Vietnamese, {@code _en} is English. A key is a
 * {@link MessageFormat} pattern; write a literal apostrophe as {@code ''}.
 */
public final class Messages {

    /** The bundle each service keeps its own texts in (each service runs in its own JVM). */
    public static final String SERVICE_BUNDLE = "messages";
    public static final String PLATFORM_BUNDLE = "platform-messages";
    private static final String[] BUNDLES = {SERVICE_BUNDLE, PLATFORM_BUNDLE};
    // no fallback to the JVM's default locale: a key missing in English falls back to the Vietnamese base, not elsewhere
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The pattern of {@code key} in {@code language}, if any bundle has it. */
    public static Optional<String> pattern(Locale language, String key) {
        for (String name : BUNDLES) {
            ResourceBundle bundle = bundle(name, language);
            if (bundle != null && bundle.containsKey(key)) {
                return Optional.of(bundle.getString(key));
            }
        }
        return Optional.empty();
    }

    /** The text of {@code key} in {@code language} with its arguments; the key itself if no bundle has it. */
    public static String text(Locale language, String key, Object... args) {
        return pattern(language, key).map(p -> format(language, p, args)).orElse(key);
    }

    /** The text of {@code key} if a bundle has it. */
    public static Optional<String> find(Locale language, String key, Object... args) {
        return pattern(language, key).map(p -> format(language, p, args));
    }

    private static String format(Locale language, String pattern, Object... args) {
        return new MessageFormat(pattern, language).format(args == null ? new Object[0] : args);
    }

    private static ResourceBundle bundle(String name, Locale language) {
        try {
            return ResourceBundle.getBundle(name, language, Messages.class.getClassLoader(), CONTROL);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
