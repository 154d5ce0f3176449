package io.arfollowup.functions.webform;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.arfollowup.core.domain.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web pages' Mustache templates (resources {@code webform/templates}, HTML-escaping {@code {{x}}} — mustache.java's
 * default) and their texts in French and English ({@code webform/messages_fr|en.properties}, UTF-8).
 */
final class Pages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MustacheFactory factory = new DefaultMustacheFactory("webform/templates");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();
    private final Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);

    Pages() {
        for (Language l : Language.values()) {
            texts.put(l, load("webform/messages_" + l.code() + ".properties"));
        }
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new HashMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(String template, Map<String, Object> model) {
        Mustache m = compiled.computeIfAbsent(template, t -> factory.compile(t + ".mustache"));
        StringWriter out = new StringWriter();
        m.execute(out, model);
        return out.toString();
    }

    /** The texts of a language for templates: keys with '_' instead of '.' (Mustache reads dots as nesting). */
    Map<String, String> templateTexts(Language lang) {
        Map<String, String> m = new HashMap<>();
        texts.get(lang).forEach((k, v) -> m.put(k.replace('.', '_'), v));
        return m;
    }

    /** A text with {0}, {1}… replaced (no MessageFormat: French apostrophes stay as they are). */
    String text(Language lang, String key, Object... args) {
        String s = texts.get(lang).get(key);
        if (s == null) {
            s = texts.get(Language.EN).getOrDefault(key, key);
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    boolean has(Language lang, String key) {
        return texts.get(lang).containsKey(key);
    }

    static String date(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    static String money(BigDecimal amount, String currency, Language lang) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(lang.locale());
        try {
            f.setCurrency(Currency.getInstance(currency == null ? "EUR" : currency));
        } catch (IllegalArgumentException unknown) {
            // keep the locale's currency sign rather than fail the page
        }
        return f.format(amount);
    }

    static String size(long bytes, Language lang) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, bytes / 1024) + (lang == Language.FR ? " Ko" : " KB");
        }
        return String.format(lang.locale(), "%.1f", bytes / (1024.0 * 1024.0)) + (lang == Language.FR ? " Mo" : " MB");
    }
}
