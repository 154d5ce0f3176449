package io.arfollowup.core.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.port.SuggestionRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructuredAnswerSuggesterTest {

    private final WebFormFixture f = new WebFormFixture();

    private SuggestionRequest request(List<ItemAnswer> answers, String text) {
        return new SuggestionRequest("wf-1", ResponseChannel.WEB_FORM, null, text, "fr", answers,
                f.items.openItems("C1"), List.of(), WebFormFixture.NOW, ZoneId.of("Europe/Paris"), Country.FR, false);
    }

    @Test
    void eachChoice_suggestsItsStatus_promisesGroupedByDate() {
        var s = f.suggester.suggest(request(List.of(
                new ItemAnswer("FA-1", AnswerChoice.WILL_PAY, LocalDate.of(2025, 11, 14), new BigDecimal("600"), null, null),
                new ItemAnswer("FA-2", AnswerChoice.WILL_PAY, LocalDate.of(2025, 11, 14), null, null, null),
                new ItemAnswer("FA-3", AnswerChoice.WILL_PAY, LocalDate.of(2025, 11, 28), null, null, null)), ""))
                .orElseThrow();
        assertThat(s.groups()).extracting(SuggestedGroup::statusCode, SuggestedGroup::itemNumbers,
                SuggestedGroup::promisedDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PAYMENT_PROMISE", List.of("FA-1", "FA-2"), LocalDate.of(2025, 11, 14)),
                org.assertj.core.groups.Tuple.tuple("PAYMENT_PROMISE", List.of("FA-3"), LocalDate.of(2025, 11, 28)));
        assertThat(s.groups().get(0).amount()).isEqualByComparingTo("600");
        assertThat(s.groups().get(0).currency()).isEqualTo("EUR");
        assertThat(s.source()).isEqualTo("web-form");
        assertThat(s.summary()).contains("14/11/2025").contains("FA-1, FA-2");
    }

    @Test
    void disputeReasons_inPayment_alreadyPaid_andCopy_mapToTheirStatuses() {
        assertThat(StructuredAnswerSuggester.statusFor(new ItemAnswer("X", AnswerChoice.DISPUTE, null, null,
                DisputeReason.DAMAGED, null))).isEqualTo("DELIVERY_DISPUTE");
        assertThat(StructuredAnswerSuggester.statusFor(new ItemAnswer("X", AnswerChoice.DISPUTE, null, null,
                DisputeReason.MISSING_PO_OR_WRONG_DETAILS, null))).isEqualTo("ADMIN_DISPUTE");
        assertThat(StructuredAnswerSuggester.statusFor(new ItemAnswer("X", AnswerChoice.DISPUTE, null, null,
                DisputeReason.PRICE, null))).isEqualTo("COMMERCIAL_DISPUTE");
        assertThat(StructuredAnswerSuggester.statusFor(new ItemAnswer("X", AnswerChoice.IN_PAYMENT, null, null,
                null, null))).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(StructuredAnswerSuggester.statusFor(new ItemAnswer("X", AnswerChoice.ALREADY_PAID, null, null,
                null, "R"))).isEqualTo("ALREADY_PAID");
        assertThat(StructuredAnswerSuggester.statusFor(new ItemAnswer("X", AnswerChoice.SEND_COPY, null, null,
                null, null))).isEqualTo("COPY_REQUEST");
        var s = f.suggester.suggest(request(List.of(new ItemAnswer("FA-2", AnswerChoice.IN_PAYMENT, null, null,
                null, null)), "")).orElseThrow();
        assertThat(s.groups().get(0).followUpDate()).isEqualTo(LocalDate.of(2025, 11, 17)); // J+10 → Saturday 15 → Monday
    }

    @Test
    void withoutStructuredAnswers_theTextSuggesterDecides() {
        Suggestion fromText = new Suggestion(List.of(), List.of(), "from text", null, "text");
        var withText = new StructuredAnswerSuggester(f.rules, f.planner, Language.EN, r -> Optional.of(fromText));
        assertThat(withText.suggest(request(List.of(), "on paie lundi"))).contains(fromText);
        assertThat(f.suggester.suggest(request(List.of(), "on paie lundi"))).isEmpty();
    }
}
