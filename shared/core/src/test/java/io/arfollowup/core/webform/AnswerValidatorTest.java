package io.arfollowup.core.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.ItemKind;
import io.arfollowup.core.webform.AnswerForm.Entry;
import io.arfollowup.core.webform.AnswerForm.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 5);
    private final AnswerValidator validator = new AnswerValidator(60);
    private final Item fa1 = invoice("FA-1", "1200.00");
    private final Item fa2 = invoice("FA-2", "300.00");
    private final Map<String, Item> answerable = Map.of("FA-1", fa1, "FA-2", fa2);

    private static Item invoice(String number, String open) {
        return new Item("C1", number, ItemKind.INVOICE, new BigDecimal(open), new BigDecimal(open), "EUR",
                TODAY.minusDays(40), TODAY.minusDays(10), null, null, null, null, null);
    }

    private static Entry entry(String number, String choice, String payDate, String payAmount, String ipd,
                               String reason, String paidDate, String ref) {
        return new Entry(number, choice, payDate, payAmount, ipd, reason, paidDate, ref);
    }

    private AnswerValidator.Checked check(String comment, Entry... entries) {
        return validator.check(new AnswerForm(List.of(entries), comment, "fr"), answerable, TODAY, false);
    }

    @Test
    void aPromiseAndADispute_becomeStructuredAnswers() {
        var c = check("  Merci  ", entry("FA-1", "WILL_PAY", "20/11/2025", "1 200,00", "", "", "", ""),
                entry("FA-2", "DISPUTE", "", "", "", "PRICE", "", ""));
        assertThat(c.errors()).isEmpty();
        assertThat(c.answers()).containsExactly(
                new ItemAnswer("FA-1", AnswerChoice.WILL_PAY, LocalDate.of(2025, 11, 20), new BigDecimal("1200.00"),
                        null, null),
                new ItemAnswer("FA-2", AnswerChoice.DISPUTE, null, null, DisputeReason.PRICE, null));
        assertThat(c.comment()).isEqualTo("Merci");
    }

    @Test
    void promiseDate_inThePast_orBeyondTheHorizon_isRefusedOnItsField() {
        var past = check("", entry("FA-1", "WILL_PAY", "2025-11-04", "", "", "", "", ""));
        assertThat(past.errors()).containsExactly(FieldError.of("entry.0.payDate", "date_past"));
        var far = check("", entry("FA-1", "WILL_PAY", "2026-01-05", "", "", "", "", ""));
        assertThat(far.errors()).containsExactly(new FieldError("entry.0.payDate", "date_beyond_horizon",
                "2026-01-04"));
        var edge = check("", entry("FA-1", "WILL_PAY", "2026-01-04", "", "", "", "", ""));
        assertThat(edge.errors()).isEmpty();
        assertThat(check("", entry("FA-1", "WILL_PAY", "", "", "", "", "", "")).errors())
                .containsExactly(FieldError.of("entry.0.payDate", "date_missing"));
    }

    @Test
    void amountAboveTheOpenAmount_isRefused() {
        var c = check("", entry("FA-2", "WILL_PAY", "2025-11-20", "300,01", "", "", "", ""));
        assertThat(c.errors()).containsExactly(new FieldError("entry.0.payAmount", "amount_above_open", "300.00"));
        assertThat(check("", entry("FA-2", "WILL_PAY", "2025-11-20", "abc", "", "", "", "")).errors())
                .extracting(FieldError::code).containsExactly("amount_invalid");
    }

    @Test
    void detailsWithoutAChoice_askForAChoice_andAnEmptyFormAsksForSomething() {
        assertThat(check("", entry("FA-1", "", "2025-11-20", "", "", "", "", "")).errors())
                .containsExactly(FieldError.of("entry.0.choice", "choice_missing"));
        assertThat(check("", entry("FA-1", "", "", "", "", "", "", "")).errors())
                .containsExactly(FieldError.of("form", "nothing_to_send"));
        assertThat(check("Juste un mot", entry("FA-1", "", "", "", "", "", "", "")).errors()).isEmpty();
        assertThat(validator.check(new AnswerForm(List.of(), "", "fr"), answerable, TODAY, true).errors()).isEmpty();
    }

    @Test
    void disputeNeedsAReason_alreadyPaidNeedsAPastDate() {
        assertThat(check("", entry("FA-1", "DISPUTE", "", "", "", "", "", "")).errors())
                .containsExactly(FieldError.of("entry.0.reason", "reason_missing"));
        assertThat(check("", entry("FA-1", "DISPUTE", "", "", "", "BRIBE", "", "")).errors())
                .containsExactly(FieldError.of("entry.0.reason", "reason_missing"));
        assertThat(check("", entry("FA-1", "ALREADY_PAID", "", "", "", "", "2025-11-06", "")).errors())
                .containsExactly(FieldError.of("entry.0.paidDate", "date_future"));
        var ok = check("", entry("FA-1", "ALREADY_PAID", "", "", "", "", "03/11/2025", "VIR 123"));
        assertThat(ok.answers()).containsExactly(new ItemAnswer("FA-1", AnswerChoice.ALREADY_PAID,
                LocalDate.of(2025, 11, 3), null, null, "VIR 123"));
    }

    @Test
    void inPayment_dateIsOptional_butChecked() {
        assertThat(check("", entry("FA-1", "IN_PAYMENT", "", "", "", "", "", "")).answers()).hasSize(1);
        assertThat(check("", entry("FA-1", "IN_PAYMENT", "", "", "31/02/2026", "", "", "")).errors())
                .extracting(FieldError::code).containsExactly("date_invalid");
    }

    @Test
    void theCommentIsPlainText_controlCharactersDropped_andBounded() {
        var c = check("ligne 1\r\nligne 2\u0000<b>x</b>", entry("FA-1", "SEND_COPY", "", "", "", "", "", ""));
        assertThat(c.comment()).isEqualTo("ligne 1\nligne 2<b>x</b>");
        assertThat(check("x".repeat(5001), entry("FA-1", "SEND_COPY", "", "", "", "", "", "")).errors())
                .extracting(FieldError::code).containsExactly("comment_too_long");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 234,56|1234.56", "1234.56|1234.56", "1,234.56|1234.56", "1.234,56|1234.56", "980|980",
        "€ 980,5|980.5", "1 200|1200", "1\u202f200,00 €|1200.00", "1,234|1234", "12,3456|", "1.2.3|", "-5|", "x|"})
    void amounts_readTheWayPeopleTypeThem(String raw, String expected) {
        var parsed = AnswerValidator.parseAmount(raw);
        if (expected == null) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).contains(new BigDecimal(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({"2025-11-20,2025-11-20", "20/11/2025,2025-11-20", "1.2.2026,2026-02-01", "2025-02-30,",
        "20/11/25,", "tomorrow,"})
    void dates_isoOrDayMonthYear(String raw, String expected) {
        var parsed = AnswerValidator.parseDate(raw);
        if (expected == null) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).contains(LocalDate.parse(expected));
        }
    }
}
