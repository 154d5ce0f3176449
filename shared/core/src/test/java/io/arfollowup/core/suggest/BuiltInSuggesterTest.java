package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.SuggestionRequest;
import io.arfollowup.core.time.FollowUpPlanner;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltInSuggesterTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Wednesday 5 November 2025, 10:00 in Paris. */
    private static final Instant RECEIVED = Instant.parse("2025-11-05T09:00:00Z");
    private static final FollowUpPlanner PLANNER = new FollowUpPlanner(Clock.fixed(RECEIVED, PARIS));

    private final InMemoryLearningStore store = new InMemoryLearningStore();
    private final BuiltInSuggester suggester = new BuiltInSuggester(new TaxonomyRules(), PLANNER, store);

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "Nous réglerons la facture le 20 novembre par virement.|PAYMENT_PROMISE",
        "We will settle the balance by the end of next week.|PAYMENT_PROMISE",
        "Pouvons-nous payer en trois fois ? 300 € par mois.|PAYMENT_PLAN_REQUEST",
        "Could we spread this over three monthly instalments?|PAYMENT_PLAN_REQUEST",
        "Cette facture a déjà été réglée par virement le 28/10.|ALREADY_PAID",
        "We paid this on 30 October by BACS, remittance attached.|ALREADY_PAID",
        "La facture est en cours de validation chez nous, circuit de signature.|PAYMENT_IN_PROGRESS",
        "It's sitting in our approval workflow at the moment.|PAYMENT_IN_PROGRESS",
        "Merci de me renvoyer une copie de la facture, je ne la retrouve pas.|COPY_REQUEST",
        "Can you resend the invoice? We never received it.|COPY_REQUEST",
        "Pour payer il nous faut le bon de livraison signé et votre RIB.|DOCUMENT_REQUEST",
        "Please send the signed timesheets before we can approve.|DOCUMENT_REQUEST",
        "Je ne m'occupe plus de la comptabilité, adressez-vous au siège.|WRONG_CONTACT",
        "I'm not the right person for invoices, please contact our AP team.|WRONG_CONTACT",
        "La société est placée en redressement judiciaire depuis le 2 novembre.|FINANCIAL_DIFFICULTY",
        "The company entered administration last week.|FINANCIAL_DIFFICULTY",
        "Je suis absente du bureau jusqu'au 14 novembre.|OUT_OF_OFFICE",
        "I am out of the office until Monday with limited access to email.|OUT_OF_OFFICE",
        "Bien reçu, merci.|NO_ACTION",
        "La facture ne mentionne pas notre numéro de bon de commande, elle est rejetée.|ADMIN_DISPUTE",
        "Le tarif appliqué ne correspond pas au devis signé : écart de 85 € HT.|COMMERCIAL_DISPUTE",
        "Les cartons sont arrivés endommagés, nous refusons de payer cette partie.|DELIVERY_DISPUTE",
        "Nous attendons toujours l'avoir promis par votre commercial.|CREDIT_NOTE_EXPECTED",
        // typos and missing accents
        "deja regle par cheque la semaine derniere|ALREADY_PAID",
        "je paierai le 28 sans faute, desolé du retard|PAYMENT_PROMISE",
        "paiment efectué hier par virrement|ALREADY_PAID",
        "the goods arived dammaged, we wont pay for them|DELIVERY_DISPUTE",
        "will pay tommorow|PAYMENT_PROMISE",
        // a participle in the future tense is no payment made
        "It'll be paid on the 14th.|PAYMENT_PROMISE",
        "La facture sera réglée le 28 par virement.|PAYMENT_PROMISE",
        // usable guesses in German, Spanish and Italian
        "Die Rechnung wurde bereits am 3. November überwiesen.|ALREADY_PAID",
        "Pagaremos la factura el próximo viernes.|PAYMENT_PROMISE",
        "Siamo in attesa della nota di credito concordata.|CREDIT_NOTE_EXPECTED"})
    void proposesTheStatusTheReplyMeans(String text, String expected) {
        Suggestion s = suggest(text);

        assertThat(s.main().orElseThrow().statusCode()).isEqualTo(expected);
        assertThat(s.top()).hasSize(3);
        assertThat(s.evidence()).isNotBlank();
    }

    @Test
    void aNegatedDisputeIsNoDispute() {
        Suggestion s = suggest("Nous ne contestons pas la facture FA-2025-00901, elle sera réglée le 20/11.");

        assertThat(s.main().orElseThrow().statusCode()).isEqualTo("PAYMENT_PROMISE");
        assertThat(s.main().orElseThrow().promisedDate()).isEqualTo(LocalDate.of(2025, 11, 20));
    }

    @Test
    void aNegatedPaymentIsNotAlreadyPaid() {
        Suggestion s = suggest("The invoice has not been paid yet, it is waiting for approval by our director.");

        assertThat(s.main().orElseThrow().statusCode()).isNotEqualTo("ALREADY_PAID");
    }

    @Test
    void theQuotedReminderDoesNotDriveTheDecision() {
        String text = "Bonjour,\n\nPaiement effectué hier par virement.\n\nCordialement,\nMarc\n\n"
                + "Le 4 nov. 2025 à 09:12, Recouvrement <relances@example.fr> a écrit :\n"
                + "> En cas de litige ou de contestation, merci de nous indiquer le motif.\n"
                + "> Sans règlement sous huitaine, nous engagerons une procédure de recouvrement contentieux.";

        assertThat(suggest(text).main().orElseThrow().statusCode()).isEqualTo("ALREADY_PAID");
    }

    @Test
    void aSignatureAndDisclaimerDoNotCount() {
        String text = "Payment will go out on Friday.\n\nKind regards,\nAnn Lee\nCredit & Collections, Insolvency desk\n\n"
                + "This e-mail is confidential and intended solely for the addressee. If you received it in error,"
                + " any use is strictly prohibited.";

        assertThat(suggest(text).main().orElseThrow().statusCode()).isEqualTo("PAYMENT_PROMISE");
    }

    @Test
    void aPromiseIsFollowedUpTheBusinessDayAfterThePromisedDate() {
        SuggestedGroup g = suggest("Nous réglerons la facture le 14/11.").main().orElseThrow();

        assertThat(g.type()).isEqualTo(StatusType.PROMISE);
        assertThat(g.promisedDate()).isEqualTo(LocalDate.of(2025, 11, 14));
        // Friday 14 → Monday 17 (business day after)
        assertThat(g.followUpDate()).isEqualTo(LocalDate.of(2025, 11, 17));
        assertThat(g.templateId()).isEqualTo("promise-check");
    }

    @Test
    void otherStatusesFollowTheirRuleDelay() {
        SuggestedGroup g = suggest("Pouvez-vous nous envoyer votre RIB ? Il n'est pas sur la facture.")
                .main().orElseThrow();

        assertThat(g.statusCode()).isEqualTo("DOCUMENT_REQUEST");
        assertThat(g.type()).isEqualTo(StatusType.IN_PROGRESS);
        assertThat(g.followUpDate()).isEqualTo(LocalDate.of(2025, 11, 7)); // J+2
    }

    @Test
    void extractsReferencesAmountAndCurrencyIntoTheSummary() {
        Suggestion s = suggest("We will pay £2,340.50 covering SI-004509 on 14 November.");
        SuggestedGroup g = s.main().orElseThrow();

        assertThat(g.itemNumbers()).containsExactly("SI-004509");
        assertThat(g.amount()).isEqualByComparingTo(new BigDecimal("2340.50"));
        assertThat(g.currency()).isEqualTo("GBP");
        assertThat(s.summary()).contains("SI-004509", "£2,340.50", "14 Nov 2025").hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void summarisesInFrenchForAFrenchReply() {
        Suggestion s = suggest("Le prix facturé sur la FA-2025-00777 ne correspond pas au devis : écart de 1 120,00 € HT.");

        assertThat(s.summary()).startsWith("Le client conteste la facture FA-2025-00777 (1 120,00 €)")
                .hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void matchesReferencesAgainstTheCustomersItems() {
        List<Item> items = List.of(item("FA-2025-00412"), item("104563"));
        SuggestionRequest r = request("Payment for fa 2025 00412 and 104563 will go out tomorrow.", items, List.of());

        assertThat(suggester.suggest(r).orElseThrow().main().orElseThrow().itemNumbers())
                .containsExactly("FA-2025-00412", "104563");
    }

    @Test
    void aReplyThatNamesNoInvoiceCoversTheCustomersOpenInvoices() {
        List<Item> items = List.of(item("FA-1"), item("FA-2"));
        SuggestionRequest r = request("Nous réglerons le tout le 20 novembre.", items, List.of());

        assertThat(suggester.suggest(r).orElseThrow().main().orElseThrow().itemNumbers())
                .containsExactly("FA-1", "FA-2");
    }

    @Test
    void proposesOneGroupPerSituation() {
        Suggestion s = suggest("Nous réglerons la facture FA-2025-00501 le 20/11 par virement. "
                + "En revanche la facture FA-2025-00502 est contestée : le prix ne correspond pas au devis, écart de "
                + "90 € HT.");

        assertThat(s.groups()).extracting(SuggestedGroup::statusCode)
                .containsExactly("PAYMENT_PROMISE", "COMMERCIAL_DISPUTE");
        assertThat(s.groups().get(0).itemNumbers()).containsExactly("FA-2025-00501");
        assertThat(s.groups().get(1).itemNumbers()).containsExactly("FA-2025-00502");
    }

    @Test
    void webFormAnswersFeedTheProposalDirectly() {
        List<Item> items = List.of(item("FA-1001"), item("FA-1002"), item("FA-1003"));
        List<ItemAnswer> answers = List.of(
                new ItemAnswer("FA-1001", AnswerChoice.WILL_PAY, LocalDate.of(2025, 11, 28), null, null, null),
                new ItemAnswer("FA-1002", AnswerChoice.WILL_PAY, LocalDate.of(2025, 11, 28), null, null, null),
                new ItemAnswer("FA-1003", AnswerChoice.DISPUTE, null, null, DisputeReason.DAMAGED, null));
        SuggestionRequest r = new SuggestionRequest("r-form", ResponseChannel.WEB_FORM, null,
                "Deux factures seront payées fin novembre, la troisième concerne du matériel abîmé.", "fr", answers,
                items, List.of(), RECEIVED, PARIS, Country.FR, false);

        Suggestion s = suggester.suggest(r).orElseThrow();

        assertThat(s.groups()).extracting(SuggestedGroup::statusCode)
                .containsExactly("PAYMENT_PROMISE", "DELIVERY_DISPUTE");
        assertThat(s.groups().get(0).itemNumbers()).containsExactly("FA-1001", "FA-1002");
        assertThat(s.groups().get(0).promisedDate()).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(s.groups().get(0).followUpDate()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(s.groups().get(1).itemNumbers()).containsExactly("FA-1003");
    }

    @Test
    void anAutoReplyIsOutOfOffice() {
        SuggestionRequest r = new SuggestionRequest("r-auto", ResponseChannel.EMAIL, "Réponse automatique : relance",
                "Merci pour votre message.", "fr", List.of(), List.of(), List.of(), RECEIVED, PARIS, Country.FR, true);

        assertThat(suggester.suggest(r).orElseThrow().main().orElseThrow().statusCode()).isEqualTo("OUT_OF_OFFICE");
    }

    @Test
    void aCorrectionChangesALaterSuggestionAndForgetUndoesIt() {
        // a team whose customers write "on verra avec le service achats" when they mean a wrong contact
        String first = "On verra avec le service achats pour la suite.";
        String later = "On verra avec le service achats, merci.";
        String before = suggest(later).main().orElseThrow().statusCode();
        assertThat(before).isNotEqualTo("WRONG_CONTACT");

        suggester.learn(request(first, List.of(), List.of()).withId("r-1"), decision("r-1", "WRONG_CONTACT"));

        assertThat(suggest(later).main().orElseThrow().statusCode()).isEqualTo("WRONG_CONTACT");
        assertThat(store.example("r-1")).isPresent();

        suggester.forget("r-1");

        assertThat(store.example("r-1")).isEmpty();
        assertThat(suggest(later).main().orElseThrow().statusCode()).isEqualTo(before);
    }

    @Test
    void aRequalificationReplacesWhatTheResponseTaught() {
        SuggestionRequest r = request("On verra avec le service achats pour la suite.", List.of(), List.of())
                .withId("r-2");
        int examples = suggester.examples();

        suggester.learn(r, decision("r-2", "WRONG_CONTACT"));
        suggester.learn(r, decision("r-2", "PAYMENT_IN_PROGRESS"));

        assertThat(suggester.examples()).isEqualTo(examples + 1);
        assertThat(store.example("r-2").orElseThrow().statusCode()).isEqualTo("PAYMENT_IN_PROGRESS");
    }

    @Test
    void aNewInstanceStartsFromTheStoredCounts() {
        String text = "On verra avec le service achats pour la suite.";
        suggester.learn(request(text, List.of(), List.of()).withId("r-3"), decision("r-3", "WRONG_CONTACT"));

        BuiltInSuggester coldStart = new BuiltInSuggester(new TaxonomyRules(), PLANNER, store);

        assertThat(coldStart.suggest(request(text, List.of(), List.of())).orElseThrow().main().orElseThrow()
                .statusCode()).isEqualTo("WRONG_CONTACT");
    }

    @Test
    void theModelStaysWithinItsSizeBudgetWhateverTheNumberOfDecisions() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 1500; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                text.append(word(random)).append(' ');
            }
            String status = BuiltInSuggester.REPLY_STATUSES.get(i % BuiltInSuggester.REPLY_STATUSES.size());
            suggester.learn(request(text.toString(), List.of(), List.of()).withId("bulk-" + i),
                    decision("bulk-" + i, status));
        }

        assertThat(suggester.modelSizeInBytes() + BuiltInSuggester.lexiconSizeInBytes())
                .isLessThanOrEqualTo(350 * 1024);
    }

    private static String word(java.util.Random random) {
        StringBuilder w = new StringBuilder();
        int n = 4 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private Suggestion suggest(String text) {
        return suggester.suggest(request(text, List.of(), List.of())).orElseThrow();
    }

    private static SuggestionRequest request(String text, List<Item> items, List<ItemAnswer> answers) {
        return new SuggestionRequest("r-test", ResponseChannel.EMAIL, "RE: Relance", text, null, answers, items,
                List.of(), RECEIVED, PARIS, Country.FR, false);
    }

    private static Qualification decision(String responseId, String status) {
        return new Qualification(responseId, 1, "sub-" + responseId,
                List.of(new QualificationGroup(List.of(), status, null, null, null, null, null)), null, "U1",
                RECEIVED.plusSeconds(600), SuggestionOutcome.REJECTED);
    }

    private static Item item(String number) {
        return new Item("C1", number, null, new BigDecimal("100"), null, "EUR", null, null, null, null, null, null,
                null);
    }
}
