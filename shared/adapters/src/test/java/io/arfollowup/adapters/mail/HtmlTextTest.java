package io.arfollowup.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void full_paragraphsDivsAndBreaksBecomeLines() {
        String html = "<html><head><title>T</title><style>p{x:y}</style></head><body><p>Un</p><p>Deux<br>trois</p>"
                + "<div>quatre</div><div><br></div><div>cinq &amp; six&nbsp;!</div><ul><li>a</li><li>b</li></ul>"
                + "<!--[if mso]><p>outlook only</p><![endif]--></body></html>";

        assertThat(HtmlText.full(html)).isEqualTo("Un\n\nDeux\ntrois\n\nquatre\n\ncinq & six\u00a0!\n- a\n- b");
    }

    @Test
    void full_blockquotesArePrefixed_withoutHistoryKeepsOneMarker() {
        String html = "<div>Réponse</div><div>Le 5 nov., X a écrit :</div><blockquote><p>question</p>"
                + "<blockquote>older</blockquote></blockquote><div>Suite</div>";

        assertThat(HtmlText.full(html)).isEqualTo("Réponse\nLe 5 nov., X a écrit :\n> question\n>\n>> older\nSuite");
        assertThat(HtmlText.withoutHistory(html)).isEqualTo("Réponse\nLe 5 nov., X a écrit :\n>\nSuite");
    }

    @Test
    void withoutHistory_outlookWebReplyBlockAndEverythingAfterIsRemoved() {
        String html = "<div>Merci</div><div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> X</div>"
                + "<div>old reminder</div>";

        assertThat(HtmlText.withoutHistory(html)).isEqualTo("Merci");
    }

    @Test
    void withoutHistory_gmailContainerWithTypedTextIsKept() {
        String html = "<div>Top</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On x wrote:</div>"
                + "<blockquote class=\"gmail_quote\">q1</blockquote><div>answer 1</div>"
                + "<blockquote class=\"gmail_quote\">q2</blockquote></div>";

        assertThat(HtmlText.withoutHistory(html)).isEqualTo("Top\n>\nanswer 1\n>");
    }

    @Test
    void full_activeContentLeavesNoTrace() {
        String html = "<p>ok<img src=x onerror=alert(1)></p><script>alert(2)</script><a href=\"javascript:alert(3)\">lien</a>"
                + "<iframe src=\"https://a.example\"></iframe><svg onload=alert(4)></svg>";

        assertThat(HtmlText.full(html)).isEqualTo("ok\n\nlien");
    }
}
