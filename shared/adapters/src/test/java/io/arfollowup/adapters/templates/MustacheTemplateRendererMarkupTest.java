package io.arfollowup.adapters.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.ActionTemplate;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.domain.TemplateContent;
import io.arfollowup.core.port.Markup;
import io.arfollowup.core.port.RenderedMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MustacheTemplateRendererMarkupTest {

    private final ActionTemplate template = new ActionTemplate("t", new Labels("t", "t"), ActionChannel.EMAIL,
            RecipientRule.CLIENT, Map.of(Language.FR, new TemplateContent("Objet {{name}}",
            "Bonjour {{name}},\n{{{itemsTable}}}\n{{#webLink}}En ligne : {{webLink}}{{/webLink}}\nFin")));

    @Test
    void markup_isTextInTheTextPart_andHtmlInTheHtmlPart_withoutBreaksInsideTheTable() {
        RenderedMessage m = new MustacheTemplateRenderer().render(template, Language.FR, Map.of("name", "A & <B>",
                "itemsTable", new Markup("FA-1  10,00 EUR", "<table><tr>\n<td>FA-1</td></tr></table>"),
                "webLink", "https://x.example/r/t"));

        assertThat(m.text()).contains("Bonjour A & <B>,\nFA-1  10,00 EUR\nEn ligne : https://x.example/r/t\nFin");
        assertThat(m.html()).contains("Bonjour A &amp; &lt;B&gt;,<br>").contains("<table><tr>\n<td>FA-1</td>")
                .doesNotContain("<tr><br>").doesNotContain("\uE000");
        assertThat(m.subject()).isEqualTo("Objet A & <B>");
    }

    @Test
    void anEmptyWebLink_hidesItsSection() {
        RenderedMessage m = new MustacheTemplateRenderer().render(template, Language.FR, Map.of("name", "A",
                "itemsTable", new Markup("", ""), "webLink", ""));
        assertThat(m.text()).doesNotContain("En ligne");
    }
}
