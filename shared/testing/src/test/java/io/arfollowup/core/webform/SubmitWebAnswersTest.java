package io.arfollowup.core.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.token.LinkClaims;
import io.arfollowup.core.webform.AnswerForm.Entry;
import io.arfollowup.core.webform.AnswerForm.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmitWebAnswersTest {

    private final WebFormFixture f = new WebFormFixture();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

    private static Entry promise(String number, String date) {
        return new Entry(number, "WILL_PAY", date, "", "", "", "", "");
    }

    private static Entry dispute(String number, String reason) {
        return new Entry(number, "DISPUTE", "", "", "", reason, "", "");
    }

    private static Entry copy(String number) {
        return new Entry(number, "SEND_COPY", "", "", "", "", "", "");
    }

    private SubmitWebAnswers.Result post(String token, String csrf, String comment, List<SubmitWebAnswers.Upload> files,
                                         Entry... entries) {
        return f.submit().handle(new SubmitWebAnswers.Command(token, csrf, new AnswerForm(List.of(entries), comment,
                "fr"), files, false));
    }

    @Test
    void aPromiseAndADispute_storeOneWebResponse_withItsSuggestion_andPostOneCard() {
        String[] page = f.openPage();
        var r = post(page[0], page[1], "Virement le 14", List.of(new SubmitWebAnswers.Upload("avis.pdf", PDF)),
                promise("FA-1", "2025-11-14"), dispute("FA-2", "NOT_RECEIVED"));

        assertThat(r).isInstanceOf(SubmitWebAnswers.Submitted.class);
        var stored = f.responses.get(((SubmitWebAnswers.Submitted) r).response().id()).orElseThrow();
        assertThat(stored.channel()).isEqualTo(ResponseChannel.WEB_FORM);
        assertThat(stored.customerId()).isEqualTo("C1");
        assertThat(stored.newText()).isEqualTo("Virement le 14");
        assertThat(stored.answers()).extracting(a -> a.itemNumber() + ":" + a.choice())
                .containsExactly("FA-1:WILL_PAY", "FA-2:DISPUTE");
        assertThat(stored.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("avis.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(f.blobs.objects().get(a.key())).isEqualTo(PDF);
        });
        List<SuggestedGroup> groups = stored.suggestion().groups();
        assertThat(groups).extracting(SuggestedGroup::statusCode).containsExactly("PAYMENT_PROMISE", "DELIVERY_DISPUTE");
        assertThat(groups.get(0).promisedDate()).isEqualTo(LocalDate.of(2025, 11, 14));
        assertThat(groups.get(0).followUpDate()).isEqualTo(LocalDate.of(2025, 11, 17)); // business day after a Friday
        assertThat(f.chat.posted).singleElement().satisfies(c -> assertThat(c.response().id()).isEqualTo(stored.id()));
        assertThat(stored.card()).isNotNull();
        assertThat(stored.token()).startsWith("lk-").doesNotContain(page[0]);
    }

    @Test
    void aDoubleSubmitOfTheSameForm_isOneResponse_andOneCard() {
        String[] page = f.openPage();
        var first = (SubmitWebAnswers.Submitted) post(page[0], page[1], "", List.of(), promise("FA-1", "2025-11-14"));
        var second = (SubmitWebAnswers.Submitted) post(page[0], page[1], "", List.of(), promise("FA-1", "2025-11-20"));
        assertThat(second.duplicate()).isTrue();
        assertThat(second.response().id()).isEqualTo(first.response().id());
        assertThat(f.responses.size()).isEqualTo(1);
        assertThat(f.chat.posted).hasSize(1);
        // another page view is another answer
        String csrf2 = ((ShowStatement.Shown) f.show().open(page[0])).csrf();
        assertThat(post(page[0], csrf2, "", List.of(), promise("FA-1", "2025-11-20")))
                .isInstanceOf(SubmitWebAnswers.Submitted.class);
        assertThat(f.responses.size()).isEqualTo(2);
    }

    @Test
    void itemsOutsideTheCustomersOpenInvoices_areRefused_andNothingIsWritten() {
        String[] page = f.openPage();
        var other = post(page[0], page[1], "", List.of(new SubmitWebAnswers.Upload("a.pdf", PDF)),
                promise("FA-1", "2025-11-14"), dispute("FB-9", "PRICE"));
        assertThat(other).isEqualTo(new SubmitWebAnswers.OutOfScope(List.of("FB-9")));
        var creditNote = post(page[0], page[1], "", List.of(), copy("AV-1"));
        assertThat(creditNote).isEqualTo(new SubmitWebAnswers.OutOfScope(List.of("AV-1")));
        assertThat(f.responses.size()).isZero();
        assertThat(f.blobs.objects()).isEmpty();
        assertThat(f.chat.posted).isEmpty();
    }

    @Test
    void aCsrfValueOfAnotherLink_orForged_orOld_isRefused() {
        String[] page = f.openPage();
        f.now.set(WebFormFixture.NOW.plusSeconds(1));
        String otherToken = f.links.token("C1");
        String otherCsrf = ((ShowStatement.Shown) f.show().open(otherToken)).csrf();
        assertThat(post(page[0], otherCsrf, "x", List.of())).isInstanceOf(SubmitWebAnswers.FormExpired.class);
        assertThat(post(page[0], "", "x", List.of())).isInstanceOf(SubmitWebAnswers.FormExpired.class);
        assertThat(post(page[0], page[0], "x", List.of())).isInstanceOf(SubmitWebAnswers.FormExpired.class);
        f.now.set(WebFormFixture.NOW.plus(CustomerAccess.FORM_VALIDITY).plusSeconds(5));
        assertThat(post(page[0], page[1], "x", List.of())).isInstanceOf(SubmitWebAnswers.FormExpired.class);
        assertThat(f.responses.size()).isZero();
    }

    @Test
    void expiredAndTamperedLinks_writeNothing() {
        String[] page = f.openPage();
        String forged = f.signer.sign(new LinkClaims("internal", "C1", "statement", WebFormFixture.NOW.plusSeconds(60)));
        assertThat(post(forged, page[1], "x", List.of())).isInstanceOf(SubmitWebAnswers.LinkRefused.class);
        assertThat(post(page[0] + "x", page[1], "x", List.of())).isInstanceOf(SubmitWebAnswers.LinkRefused.class);
        f.now.set(WebFormFixture.NOW.plus(CustomerLinks.VALIDITY).plusSeconds(1));
        assertThat(post(page[0], page[1], "x", List.of())).isInstanceOf(SubmitWebAnswers.LinkExpired.class);
        assertThat(f.responses.size()).isZero();
    }

    @Test
    void filesAcceptedBeforeAValidationError_stayAttached_andAreListed() {
        String[] page = f.openPage();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
        var invalid = (SubmitWebAnswers.Invalid) post(page[0], page[1], "", List.of(
                new SubmitWebAnswers.Upload("photo.png", png), new SubmitWebAnswers.Upload("virus.exe", "MZ..".getBytes())),
                promise("FA-1", "2025-11-01"));
        assertThat(invalid.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("files", "file_type"),
                org.assertj.core.groups.Tuple.tuple("entry.0.payDate", "date_past"));
        assertThat(invalid.files()).extracting(a -> a.filename()).containsExactly("photo.png");
        assertThat(invalid.form().entries().get(0).payDate()).isEqualTo("2025-11-01");

        var ok = (SubmitWebAnswers.Submitted) post(page[0], page[1], "", List.of(new SubmitWebAnswers.Upload(
                "photo-again.png", png)), promise("FA-1", "2025-11-10"));
        assertThat(ok.response().attachments()).extracting(a -> a.filename()).containsExactly("photo.png");
    }

    @Test
    void tooManyFiles_andATooLargeRequest_areSaidOnTheFilesField() {
        String[] page = f.openPage();
        List<SubmitWebAnswers.Upload> four = List.of(new SubmitWebAnswers.Upload("1.pdf", (new String(PDF) + 1).getBytes()),
                new SubmitWebAnswers.Upload("2.pdf", (new String(PDF) + 2).getBytes()),
                new SubmitWebAnswers.Upload("3.pdf", (new String(PDF) + 3).getBytes()),
                new SubmitWebAnswers.Upload("4.pdf", (new String(PDF) + 4).getBytes()));
        var r = (SubmitWebAnswers.Invalid) post(page[0], page[1], "x", four);
        assertThat(r.errors()).extracting(FieldError::code).containsExactly("too_many_files");
        assertThat(r.files()).hasSize(3);
        var big = f.submit().handle(new SubmitWebAnswers.Command(page[0], page[1], new AnswerForm(List.of(
                promise("FA-1", "2025-11-10")), "", "fr"), List.of(), true));
        assertThat(((SubmitWebAnswers.Invalid) big).errors()).extracting(FieldError::code)
                .containsExactly("request_too_large");
    }

    @Test
    void aCopyRequestOfAStoredInvoice_isQualifiedAutomatically() {
        String[] page = f.openPage();
        var r = (SubmitWebAnswers.Submitted) post(page[0], page[1], "", List.of(), copy("FA-3"));
        assertThat(r.copiesSent()).containsExactly("FA-3");
        var stored = f.responses.get(r.response().id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(ResponseState.QUALIFIED);
        assertThat(f.qualifications.latest(stored.id()).orElseThrow().groups()).singleElement()
                .satisfies(g -> assertThat(g.statusCode()).isEqualTo("COPY_REQUEST"));
        assertThat(f.scheduler.schedules().values()).singleElement()
                .satisfies(fu -> assertThat(fu.statusCode()).isEqualTo("COPY_REQUEST"));
        assertThat(f.items.get("C1", "FA-3").orElseThrow().status()).isEqualTo("COPY_REQUEST");
    }

    @Test
    void aCopyRequestAmongOtherAnswers_isItsOwnQualifiedResponse_andTheRestWaitsForTheCollector() {
        String[] page = f.openPage();
        var r = (SubmitWebAnswers.Submitted) post(page[0], page[1], "", List.of(), copy("FA-3"), copy("FA-2"),
                dispute("FA-1", "PRICE"));
        assertThat(r.copiesSent()).containsExactly("FA-3"); // FA-2 has no stored PDF: a collector sends it
        var main = f.responses.get(r.response().id()).orElseThrow();
        assertThat(main.state()).isEqualTo(ResponseState.NEW);
        assertThat(main.answers()).hasSize(3);
        assertThat(main.suggestion().groups()).extracting(g -> g.statusCode() + g.itemNumbers())
                .containsExactly("COPY_REQUEST[FA-2]", "COMMERCIAL_DISPUTE[FA-1]");
        var copyPart = f.responses.get(SubmitWebAnswers.copyResponseId(main.id())).orElseThrow();
        assertThat(copyPart.state()).isEqualTo(ResponseState.QUALIFIED);
        assertThat(copyPart.answers()).extracting(a -> a.itemNumber()).containsExactly("FA-3");
        assertThat(f.chat.posted).hasSize(2);
        assertThat(f.scheduler.schedules()).hasSize(1);

        // the same form again changes nothing
        post(page[0], page[1], "", List.of(), copy("FA-3"), copy("FA-2"), dispute("FA-1", "PRICE"));
        assertThat(f.chat.posted).hasSize(2);
        assertThat(f.qualifications.latest(copyPart.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aCommentAlone_isAnAnswer_withoutStructuredSuggestion() {
        String[] page = f.openPage();
        var r = (SubmitWebAnswers.Submitted) post(page[0], page[1], "<script>alert(1)</script> on paie lundi",
                List.of());
        assertThat(r.response().answers()).isEmpty();
        assertThat(r.response().newText()).isEqualTo("<script>alert(1)</script> on paie lundi");
        assertThat(r.response().suggestion()).isNull();
    }

    @Test
    void aCardThatFailedToPost_isPostedByALaterRetry_butNotByAnImmediateDoubleClick() {
        String[] page = f.openPage();
        f.chat.failNext = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(page[0], page[1], "", List.of(),
                promise("FA-1", "2025-11-14"))).isInstanceOf(RuntimeException.class);
        assertThat(f.responses.size()).isEqualTo(1);
        post(page[0], page[1], "", List.of(), promise("FA-1", "2025-11-14"));
        assertThat(f.chat.posted).isEmpty();
        f.now.set(WebFormFixture.NOW.plus(Duration.ofSeconds(30)));
        var again = (SubmitWebAnswers.Submitted) post(page[0], page[1], "", List.of(), promise("FA-1", "2025-11-14"));
        assertThat(f.chat.posted).hasSize(1);
        assertThat(f.responses.get(again.response().id()).orElseThrow().card()).isNotNull();
        assertThat(again.response().answers()).extracting(a -> a.choice()).containsExactly(AnswerChoice.WILL_PAY);
    }
}
