package io.arfollowup.adapters.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.Markup;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.core.port.TemplateRenderer;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import com.github.mustachejava.util.HtmlEscaper;

/**
 * Renders action templates with mustache.java and three escapers (FACTS.md): none for text/plain, HTML for the
 * HTML body, and CR/LF stripped from the subject. The HTML body is the text body, escaped, with line breaks kept.
 */
public final class MustacheTemplateRenderer implements TemplateRenderer {

    private final MustacheFactory plain = new EscapingFactory(Escape.NONE);
    private final MustacheFactory html = new EscapingFactory(Escape.HTML);
    private final Map<String, Mustache> cache = new ConcurrentHashMap<>();

    enum Escape { NONE, HTML }

    /** A factory whose {{x}} escapes for one medium ({{{x}}} never escapes). */
    static final class EscapingFactory extends DefaultMustacheFactory {
        private final Escape escape;

        EscapingFactory(Escape escape) {
            this.escape = escape;
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                if (escape == Escape.HTML) {
                    HtmlEscaper.escape(value, writer); // mustache.java's own escaper: no jsoup in the workers' jars
                } else {
                    writer.write(value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public RenderedMessage render(ActionTemplate template, Language language, Map<String, Object> model) {
        TemplateContent content = template.contentFor(language);
        String key = template.id() + "/" + language;
        Map<String, Object> textModel = medium(model, false);
        Map<String, Object> htmlModel = medium(model, true);
        String subject = run(plain, key + "/subject", content.subject(), textModel)
                .replaceAll("[\\r\\n]+", " ").trim();
        String text = run(plain, key + "/text", content.body(), textModel);
        String htmlBody = "<!doctype html><html><body style=\"font-family:Arial,sans-serif;font-size:14px\">"
                + html(run(html, key + "/html", content.body(), htmlModel)) + "</body></html>";
        return new RenderedMessage(subject, text, htmlBody);
    }

    /**
     * {@link Markup} values (a table, a list of links) become their text in the text pass and their HTML in the HTML
     * pass; they are inserted with triple braces, and their HTML is escaped by whoever built it.
     */
    private static Map<String, Object> medium(Map<String, Object> model, boolean htmlPass) {
        Map<String, Object> out = new java.util.HashMap<>(model);
        out.replaceAll((k, v) -> v instanceof Markup m ? (htmlPass ? MARK + m.html() + MARK : m.text()) : v);
        return out;
    }

    /** Line breaks become {@code <br>}, except inside inserted markup (a table must stay a table). */
    private static String html(String rendered) {
        StringBuilder sb = new StringBuilder();
        String[] parts = rendered.split(java.util.regex.Pattern.quote(MARK), -1);
        for (int i = 0; i < parts.length; i++) {
            sb.append(i % 2 == 0 ? parts[i].replace("\n", "<br>\n") : parts[i]);
        }
        return sb.toString();
    }

    /** Brackets inserted markup in the HTML pass (a private-use character no template or value contains). */
    private static final String MARK = "\uE000";

    /** Compiles (or reports a syntax error naming the template) and runs one template. */
    private String run(MustacheFactory factory, String key, String source, Map<String, Object> model) {
        Mustache m = cache.computeIfAbsent(key + "/" + System.identityHashCode(factory) + "/" + Objects.hashCode(source),
                k -> factory.compile(new StringReader(source == null ? "" : source), key));
        StringWriter out = new StringWriter();
        m.execute(out, model);
        return out.toString();
    }

    @Override
    public java.util.Optional<String> checkSyntax(String source) {
        return java.util.Optional.ofNullable(syntaxError(source == null ? "" : source));
    }

    /**
     * Renders a template source as plain text (no escaping): the admins' preview in Slack, which must not need the
     * HTML escaper's library. Throws on a syntax error.
     */
    public static String renderText(String source, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        new EscapingFactory(Escape.NONE).compile(new StringReader(source == null ? "" : source), "preview")
                .execute(out, model);
        return out.toString();
    }

    /** Checks a template's syntax (for the admin commands): null when fine, else the error. */
    public static String syntaxError(String source) {
        try {
            new DefaultMustacheFactory().compile(new StringReader(source), "check");
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
