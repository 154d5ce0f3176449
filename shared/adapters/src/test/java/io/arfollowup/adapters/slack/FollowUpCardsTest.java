package io.arfollowup.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.port.FollowUpCard;
import io.arfollowup.core.port.RenderedMessage;
import io.arfollowup.testing.data.TestData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowUpCardsTest {

    private final FollowUp fu = new FollowUp("fu-1", "C001", "em-1", List.of("FA-1"), "PAYMENT_PROMISE",
            "payment-promise-check", FollowUpMode.AUTOMATIC_WITH_CONFIRMATION, Instant.parse("2025-11-17T08:00:00Z"),
            null, FollowUpState.AWAITING_CONFIRMATION, "fu-1", "U1", null, null, null);

    private String json(Object blocks) {
        return SlackWebApi.json(blocks).toString();
    }

    @Test
    void confirmationCard_hasSendEditPostponeCancel_andEscapesTheMessage() {
        FollowUpCards cards = new FollowUpCards(Language.EN, YamlRuleCatalog.bundled());
        String json = json(cards.card(new FollowUpCard(FollowUpCard.Kind.CONFIRMATION, fu,
                TestData.aCustomer().build(), List.of(), new RenderedMessage("Subject <!channel>", "Body & co", null),
                "ap@x.example", ActionChannel.EMAIL, null)));
        assertThat(json).contains("\"fu_send\"").contains("\"fu_edit\"").contains("\"fu_postpone\"")
                .contains("\"fu_cancel\"").contains("7|fu-1").contains("&lt;!channel&gt;").contains("Body &amp; co")
                .doesNotContain("<!channel>");
    }

    @Test
    void taskAndLetterCards_offerOutcomes_orPosted() {
        FollowUpCards cards = new FollowUpCards(Language.FR, YamlRuleCatalog.bundled());
        String task = json(cards.card(new FollowUpCard(FollowUpCard.Kind.TASK, fu, null, List.of(), null, null,
                ActionChannel.CALL, null)));
        assertThat(task).contains("fu_outcome_reached_promise").contains("fu_outcome_no_answer")
                .contains("fu_outcome_done").contains("Appel").doesNotContain("fu_send");
        String letter = json(cards.card(new FollowUpCard(FollowUpCard.Kind.TASK, fu, null, List.of(), null, null,
                ActionChannel.LETTER, "letters/fu-1.pdf")));
        assertThat(letter).contains("Posté").contains("letters/fu-1.pdf").doesNotContain("fu_outcome_no_answer");
    }

    @Test
    void doneCard_keepsMentionsLive_butNothingElse() {
        String json = json(new FollowUpCards(Language.EN, YamlRuleCatalog.bundled()).done(new FollowUpCard(
                FollowUpCard.Kind.CONFIRMATION, fu, null, List.of(), null, null), new Labels("x",
                "Sent by <@U0OWNER> <!here>")));
        assertThat(json).contains("<@U0OWNER>").contains("&lt;!here&gt;").doesNotContain("fu_send");
    }

    @Test
    void everyText_existsInBothLanguages_andButtonsFitSlack() {
        for (Map.Entry<String, String[]> e : FollowUpCards.texts().entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).hasSize(2).allSatisfy(v -> assertThat(v).isNotBlank()
                    .hasSizeLessThanOrEqualTo(75));
        }
        assertThat(FollowUpCards.text(Language.FR, "modal_title")).hasSizeLessThanOrEqualTo(24);
        assertThat(FollowUpCards.text(Language.EN, "modal_title")).hasSizeLessThanOrEqualTo(24);
    }
}
