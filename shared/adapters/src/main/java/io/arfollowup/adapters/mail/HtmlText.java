package io.arfollowup.adapters.mail;

import io.arfollowup.core.mail.MailText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * HTML mail as structured plain text (jsoup): each {@code <p>} is a paragraph followed by a blank line, each
 * {@code <div>}/{@code <br>} a line break, list items and table rows one line each. Scripts, styles, titles,
 * comments (Outlook's conditional comments too), frames, SVG and form controls are dropped; links keep their text
 * only (never an href, so no {@code javascript:} survives); entities are decoded. Quoted history can be removed
 * before conversion (Gmail {@code gmail_quote}, Outlook web {@code divRplyFwdMsg} and what follows it, Outlook for
 * Mac, Yahoo, Thunderbird): what remains of a {@code <blockquote>} is one "&gt;" line, so the text rules still see
 * where a quote was (interleaved answers survive); in the full text blockquotes are rendered with "&gt; " prefixes.
 */
public final class HtmlText {

    private static final Set<String> DROP = Set.of("script", "style", "head", "title", "noscript", "iframe",
            "frame", "frameset", "object", "embed", "applet", "svg", "math", "template", "meta", "link", "base",
            "button", "input", "select", "textarea", "option", "canvas", "audio", "video", "map", "xml");

    private static final Set<String> BLOCKS = Set.of("div", "p", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "address", "center", "section", "article", "header",
            "footer", "form", "fieldset", "figure", "main", "nav", "aside", "tbody", "thead", "tfoot", "caption",
            "blockquote", "body", "html");

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul",
            "ol", "pre", "dl");

    private HtmlText() {
    }

    /** The whole HTML as text, quotes rendered with "&gt; " prefixes. */
    public static String full(String html) {
        Document doc = Jsoup.parse(html);
        return render(doc.body() == null ? doc : doc.body(), false);
    }

    /** The HTML as text with known quote containers removed first (for new-text extraction). */
    public static String withoutHistory(String html) {
        Document doc = Jsoup.parse(html);
        removeHistory(doc);
        return render(doc.body() == null ? doc : doc.body(), true);
    }

    static void removeHistory(Document doc) {
        // Outlook on the web / new Outlook / Outlook mobile: the header block and everything after it is history
        for (Element reply : doc.select("#divRplyFwdMsg, div[id^=divRplyFwdMsg]")) {
            Element e = reply;
            Element prev = e.previousElementSibling();
            while (prev != null && (prev.tagName().equals("hr") || prev.id().equals("appendonsend"))) {
                Element p = prev.previousElementSibling();
                prev.remove();
                prev = p;
            }
            List<Element> following = new ArrayList<>();
            for (Element s = e.nextElementSibling(); s != null; s = s.nextElementSibling()) {
                following.add(s);
            }
            following.forEach(Element::remove);
            e.remove();
        }
        doc.select("#mail-editor-reference-message-container, .yahoo_quoted, div[id^=yahoo_quoted], "
                + ".moz-cite-prefix, .gmail_attr, #isForwardContent, .zmail_extra").remove();
        // Gmail: the container holds the attribution and the blockquote; typed text inside it (interleaving) stays
        for (Element q : doc.select("div.gmail_quote, div.gmail_quote_container")) {
            if (q.parent() == null) {
                continue;
            }
            Element copy = q.clone();
            copy.select("blockquote").remove();
            if (copy.text().isBlank()) {
                q.remove();
            }
        }
    }

    private static String render(Node root, boolean quotesAsMarker) {
        Renderer r = new Renderer(quotesAsMarker);
        root.filter(r);
        return MailText.tidy(r.out.toString());
    }

    private static final class Renderer implements NodeFilter {
        final StringBuilder out = new StringBuilder();
        final boolean quotesAsMarker;
        int quoteDepth;
        int pre;
        boolean lineStart = true;

        Renderer(boolean quotesAsMarker) {
            this.quotesAsMarker = quotesAsMarker;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(pre > 0 ? t.getWholeText() : collapse(t.getWholeText()));
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY; // comments, doctype, XML declarations
            }
            String tag = e.normalName();
            if (DROP.contains(tag) || tag.indexOf(':') > 0 && !tag.equals("o:p")) {
                return FilterResult.SKIP_ENTIRELY;
            }
            switch (tag) {
                case "br" -> newline();
                case "blockquote" -> {
                    lineBreak();
                    if (quotesAsMarker) {
                        raw(">");
                        newline();
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    quoteDepth++;
                }
                case "pre" -> {
                    lineBreak();
                    pre++;
                }
                case "li" -> {
                    lineBreak();
                    text("- ");
                }
                case "td", "th" -> {
                    if (!lineStart) {
                        text(" ");
                    }
                }
                case "img" -> {
                    // images say nothing in text; their alt is often a logo name
                }
                default -> {
                    if (BLOCKS.contains(tag)) {
                        lineBreak();
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (tag.equals("blockquote") && !quotesAsMarker) {
                lineBreak();
                quoteDepth--;
                return FilterResult.CONTINUE;
            }
            if (tag.equals("pre")) {
                pre--;
            }
            if (PARAGRAPHS.contains(tag)) {
                lineBreak();
                newline();
            } else if (BLOCKS.contains(tag)) {
                lineBreak();
            }
            return FilterResult.CONTINUE;
        }

        private static String collapse(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
                    space = true;
                } else {
                    if (space) {
                        sb.append(' ');
                        space = false;
                    }
                    sb.append(c);
                }
            }
            if (space) {
                sb.append(' ');
            }
            return sb.toString();
        }

        private void text(String s) {
            if (s.isEmpty()) {
                return;
            }
            if (lineStart) {
                int i = 0;
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                s = s.substring(i);
                if (s.isEmpty()) {
                    return;
                }
                prefix();
                lineStart = false;
            }
            if (pre > 0 && s.indexOf('\n') >= 0) {
                String[] parts = s.split("\n", -1);
                for (int k = 0; k < parts.length; k++) {
                    if (k > 0) {
                        newline();
                        prefix();
                    }
                    out.append(parts[k]);
                }
                lineStart = false;
                return;
            }
            out.append(s);
        }

        private void raw(String s) {
            if (lineStart) {
                prefix();
            }
            out.append(s);
            lineStart = false;
        }

        private void prefix() {
            if (quoteDepth > 0) {
                out.append(">".repeat(quoteDepth)).append(' ');
            }
        }

        /** Ends the current line if something is on it. */
        private void lineBreak() {
            if (!lineStart) {
                newline();
            }
        }

        private void newline() {
            if (lineStart && quoteDepth > 0) {
                out.append(">".repeat(quoteDepth));
            }
            out.append('\n');
            lineStart = true;
        }
    }
}
