package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arfollowup.adapters.slack.SlackIds;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.domain.StatusType;
import io.arfollowup.core.domain.SuggestedGroup;
import io.arfollowup.core.domain.Suggestion;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.CardView;
import io.arfollowup.core.token.Ids;
import io.arfollowup.core.usecase.CatalogEdits;
import io.arfollowup.testing.data.TestData;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A collector's day in Slack, every button, modal and command, through the real path: signed requests over HTTP to
 * the Slack function (our adapter, Bolt, the listeners), the worker in-process, DynamoDB on dynalite, the loopback
 * Slack Web API stand-in for what Slack would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackDayIT {

    static final String CAMILLE = "U0COLLECT1"; // an admin too (LocalEnvironment.ADMINS)
    static final String HUGO = "U0COLLECT2";
    static final String OUTSIDER = "U0OUTSIDE";
    final ZoneId paris = ZoneId.of("Europe/Paris");

    LocalEnvironment env;
    LocalRuntime runtime;
    Components c;
    SlackApiStub stub;
    LocalSlackClient slack;

    @BeforeAll
    void start() {
        env = new LocalEnvironment(null, Clock.systemUTC());
        runtime = new LocalRuntime(env, 0);
        c = env.components();
        stub = env.slack();
        slack = new LocalSlackClient(runtime.slackRequestUrl(), stub.endpoint(), LocalEnvironment.SIGNING_SECRET,
                Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        runtime.close();
        env.close();
    }

    // ---- data ----

    Customer customer(String name, String collector, String... invoices) {
        String id = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        Customer cust = TestData.aCustomer().id(id).named(name).collector(collector).build();
        c.customers().put(cust);
        for (String n : invoices) {
            c.items().put(TestData.anInvoice(id, n).due(LocalDate.now(paris).minusDays(10)).amount("1250.00").build());
        }
        return cust;
    }

    static String number() {
        return "FA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    Response response(Customer customer, List<String> refs, Suggestion suggestion, String text,
                      List<AttachmentRef> files, Set<ResponseFlag> flags) {
        String id = "em-" + UUID.randomUUID().toString().substring(0, 12);
        Response r = new Response(id, ResponseChannel.EMAIL, customer == null ? null : customer.id(),
                "compta@client.example", "Julie Martin", Instant.now().minusSeconds(600), "Re: Relance", text,
                "fr", "raw/" + id, null, files, refs, List.of(), flags, null, null, ResponseState.NEW, null,
                suggestion);
        c.responses().create(r);
        List<Item> open = customer == null ? List.of() : c.items().openItems(customer.id());
        CardRef card = c.chat().postResponseCard(new CardView(r, customer, open, null));
        c.responses().recordCard(id, card);
        return c.responses().get(id).orElseThrow();
    }

    Response response(Customer customer, List<String> refs) {
        return response(customer, refs, null, "Le virement partira le 14, merci.", List.of(), null);
    }

    JsonNode card(Response r) {
        return stub.message(r.card().channel(), r.card().ts()).orElseThrow().blocks();
    }

    static List<String> actionIds(JsonNode blocks) {
        List<String> out = new ArrayList<>();
        blocks.findValues("action_id").forEach(n -> out.add(n.asText()));
        return out;
    }

    String responseUrl() {
        return stub.endpoint() + "/response/" + UUID.randomUUID();
    }

    List<JsonNode> posts(String url) {
        String path = url.substring(stub.endpoint().toString().length());
        List<JsonNode> out = new ArrayList<>();
        stub.requests(r -> r.path().equals(path)).forEach(r -> out.add(LocalJson.read(r.bodyText())));
        return out;
    }

    LocalSlackClient.Reply click(String user, Response r, String actionId, String url) {
        return slack.clickButton(user, r.card().channel(), r.card().ts(), "any", actionId, r.id(), url);
    }

    JsonNode openedView(int before) {
        assertThat(stub.calls("views.open").size()).as("views.open calls").isGreaterThan(before);
        return stub.lastView().orElseThrow();
    }

    // ---- modal state as Slack sends it ----

    static ObjectNode values() {
        return LocalJson.MAPPER.createObjectNode();
    }

    static void multi(ObjectNode values, String block, String... selected) {
        ArrayNode a = values.putObject(block).putObject(SlackIds.ACTION).put("type", "multi_static_select")
                .putArray("selected_options");
        for (String s : selected) {
            a.addObject().put("value", s).putObject("text").put("type", "plain_text").put("text", s);
        }
    }

    static void select(ObjectNode values, String block, String value) {
        ObjectNode o = values.putObject(block).putObject(SlackIds.ACTION).put("type", "static_select");
        if (value == null) {
            o.putNull("selected_option");
        } else {
            o.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text")
                    .put("text", value);
        }
    }

    static void text(ObjectNode values, String block, String value) {
        values.putObject(block).putObject(SlackIds.ACTION).put("type", "plain_text_input").put("value", value);
    }

    static void user(ObjectNode values, String block, String user) {
        values.putObject(block).putObject(SlackIds.ACTION).put("type", "users_select").put("selected_user", user);
    }

    static void date(ObjectNode values, String block, LocalDate date) {
        ObjectNode o = values.putObject(block).putObject(SlackIds.ACTION).put("type", "datepicker");
        if (date == null) {
            o.putNull("selected_date");
        } else {
            o.put("selected_date", date.toString());
        }
    }

    static void checked(ObjectNode values, String block, String... options) {
        ArrayNode a = values.putObject(block).putObject(SlackIds.ACTION).put("type", "checkboxes")
                .putArray("selected_options");
        for (String s : options) {
            a.addObject().put("value", s);
        }
    }

    static void radio(ObjectNode values, String block, String value) {
        values.putObject(block).putObject(SlackIds.ACTION).put("type", "radio_buttons").putObject("selected_option")
                .put("value", value);
    }

    static List<String> blockIds(JsonNode view) {
        List<String> out = new ArrayList<>();
        view.path("blocks").forEach(b -> out.add(b.path("block_id").asText()));
        return out;
    }

    // ---- qualify ----

    @Test
    void qualify_statusRefreshesTheFollowUp_errorsPerField_thenOneQualificationAndTheDecidedCard() {
        String a = number();
        String b = number();
        Customer cust = customer("Boulangerie Delorme", CAMILLE, a, b);
        Response r = response(cust, List.of(a));
        int opened = stub.calls("views.open").size();

        assertThat(click(CAMILLE, r, SlackIds.QUALIFY_OPEN, responseUrl()).status()).isEqualTo(200);
        JsonNode view = openedView(opened);
        assertThat(view.path("private_metadata").asText()).isEqualTo(r.id());
        assertThat(blockIds(view)).contains("items_0", "status_0", "fu_rule_0", "notify", "notify_email")
                .noneMatch(id -> id.startsWith("fu_tpl_0"));

        // choosing a status shows its rule's follow-up, prefilled
        ObjectNode state = values();
        multi(state, "items_0", a);
        select(state, "status_0", "ADMIN_DISPUTE");
        text(state, "comment_0", "Bon de commande manquant");
        slack.selectInView(CAMILLE, view, state, "status_0", SlackIds.ACTION, "ADMIN_DISPUTE");
        JsonNode refreshed = stub.view(view.path("id").asText()).orElseThrow();
        assertThat(blockIds(refreshed)).contains("fu_tpl_0.ADMIN_DISPUTE", "fu_mode_0.ADMIN_DISPUTE", "fu_date_0");
        JsonNode template = refreshed.path("blocks").findParents("block_id").stream()
                .filter(n -> n.path("block_id").asText().equals("fu_tpl_0.ADMIN_DISPUTE")).findFirst().orElseThrow();
        assertThat(template.path("element").path("initial_option").path("value").asText())
                .isEqualTo("admin-dispute-follow-up");
        assertThat(refreshed.toString()).contains("Bon de commande manquant"); // what was typed is kept

        // errors come back per field
        ObjectNode bad = state.deepCopy();
        date(bad, "fu_date_0", LocalDate.now(paris).minusDays(1));
        radio(bad, "notify", "COLLEAGUE");
        text(bad, "notify_email", "not an address");
        LocalSlackClient.Reply errors = slack.submit(CAMILLE, refreshed, bad);
        assertThat(errors.json().path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.json().path("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("fu_date_0", "notify_email");
        assertThat(c.qualifications().latest(r.id())).isEmpty();

        ObjectNode good = state.deepCopy();
        select(good, "fu_mode_0.ADMIN_DISPUTE", "AUTOMATIC_WITH_CONFIRMATION");
        radio(good, "notify", "COLLEAGUE");
        text(good, "notify_email", "facturation@atelier-lumen.example");
        assertThat(slack.submit(CAMILLE, refreshed, good).status()).isEqualTo(200);
        assertThat(slack.submit(CAMILLE, refreshed, good).status()).isEqualTo(200); // a double submission

        Qualification q = c.qualifications().latest(r.id()).orElseThrow();
        assertThat(q.version()).isEqualTo(1);
        assertThat(q.notification().colleagueEmail()).isEqualTo("facturation@atelier-lumen.example");
        assertThat(q.groups().get(0).followUp().mode()).hasToString("AUTOMATIC_WITH_CONFIRMATION");
        assertThat(q.groups().get(0).followUp().templateId()).isNull(); // the rule's own: no override
        FollowUp f = c.followUps().get(Ids.followUpId(r.id(), 1, 0)).orElseThrow();
        assertThat(f.mode()).hasToString("AUTOMATIC_WITH_CONFIRMATION");
        assertThat(c.items().get(cust.id(), a).orElseThrow().status()).isEqualTo("ADMIN_DISPUTE");
        // the decided card's actions, then (issue 7) a Release button per item the status put on hold
        assertThat(actionIds(card(r))).startsWith(SlackIds.CHANGE_OWNER, SlackIds.EDIT_COMMENT,
                SlackIds.CANCEL_FOLLOW_UP, SlackIds.REQUALIFY);
        assertThat(actionIds(card(r)).subList(4, actionIds(card(r)).size()))
                .allMatch(id -> id.startsWith(SlackIds.RELEASE_HOLD)).hasSize(1);
        assertThat(card(r).toString()).contains("<@" + CAMILLE + ">", "Bon de commande manquant");

        // a colleague's late click: privately, who qualified it
        String url = responseUrl();
        click(HUGO, r, SlackIds.QUALIFY_OPEN, url);
        assertThat(posts(url)).singleElement().satisfies(p -> {
            assertThat(p.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(p.path("text").asText()).startsWith("Already handled: qualified by <@" + CAMILLE + ">");
        });
    }

    @Test
    void addGroup_twoSituations_twoGroupsTwoFollowUps() {
        String a = number();
        String b = number();
        Customer cust = customer("Garage Pons", CAMILLE, a, b);
        Response r = response(cust, List.of(a, b));
        int opened = stub.calls("views.open").size();
        click(CAMILLE, r, SlackIds.QUALIFY_OPEN, responseUrl());
        JsonNode view = openedView(opened);
        slack.clickInView(CAMILLE, view, values(), "modal_actions", "add_group", r.id());
        JsonNode two = stub.view(view.path("id").asText()).orElseThrow();
        assertThat(blockIds(two)).contains("status_0", "status_1", "items_1");

        ObjectNode state = values();
        multi(state, "items_0", a);
        select(state, "status_0", "PAYMENT_PROMISE");
        date(state, "promised_0", LocalDate.now(paris).plusDays(5));
        multi(state, "items_1", b);
        select(state, "status_1", "COMMERCIAL_DISPUTE");
        assertThat(slack.submit(CAMILLE, two, state).status()).isEqualTo(200);

        Qualification q = c.qualifications().latest(r.id()).orElseThrow();
        assertThat(q.groups()).extracting(g -> g.statusCode()).containsExactly("PAYMENT_PROMISE",
                "COMMERCIAL_DISPUTE");
        assertThat(c.followUps().get(Ids.followUpId(r.id(), 1, 0))).isPresent();
        assertThat(c.followUps().get(Ids.followUpId(r.id(), 1, 1))).isPresent();
    }

    @Test
    void acceptSuggestion_doubleClick_oneQualificationAccepted_andNoneStatusValidates() {
        String a = number();
        Customer cust = customer("Fromagerie Alpine", CAMILLE, a);
        Suggestion s = new Suggestion(List.of(new SuggestedGroup("PAYMENT_PROMISE", StatusType.PROMISE, 0.92,
                List.of(a), LocalDate.now(paris).plusDays(7), new BigDecimal("1250"), "EUR", null, null)),
                List.of(), "Virement prévu sous 7 jours", "le virement partira", "test");
        Response r = response(cust, List.of(a), s, "Le virement partira sous 7 jours.", List.of(), null);
        assertThat(actionIds(card(r))).startsWith(SlackIds.ACCEPT_SUGGESTION, SlackIds.QUALIFY_OPEN);

        click(CAMILLE, r, SlackIds.ACCEPT_SUGGESTION, responseUrl());
        click(CAMILLE, r, SlackIds.ACCEPT_SUGGESTION, responseUrl());

        Qualification q = c.qualifications().latest(r.id()).orElseThrow();
        assertThat(q.version()).isEqualTo(1);
        assertThat(q.outcome()).isEqualTo(SuggestionOutcome.ACCEPTED);
        assertThat(q.groups().get(0).comment()).isEqualTo("Virement prévu sous 7 jours");

        Suggestion ooo = new Suggestion(List.of(new SuggestedGroup("OUT_OF_OFFICE", StatusType.NONE, 0.99,
                List.of(), null, null, null, null, null)), List.of(), "Absent", null, "test");
        Response auto = response(cust, List.of(), ooo, "Je suis absent jusqu'au 12.", List.of(), null);
        assertThat(actionIds(card(auto))).contains(SlackIds.ACCEPT_SUGGESTION);
        click(CAMILLE, auto, SlackIds.ACCEPT_SUGGESTION, responseUrl());
        assertThat(c.responses().get(auto.id()).orElseThrow().state()).isEqualTo(ResponseState.VALIDATED);
        assertThat(c.qualifications().latest(auto.id())).isEmpty();
    }

    @Test
    void validateAndDelete_areOneEffect_andTheCardSaysWhoDidIt() {
        Customer cust = customer("Imprimerie Vidal", CAMILLE, number());
        Response v = response(cust, List.of());
        Response d = response(cust, List.of());

        click(CAMILLE, v, SlackIds.VALIDATE, responseUrl());
        click(CAMILLE, d, SlackIds.DELETE, responseUrl());
        String late = responseUrl();
        click(HUGO, d, SlackIds.DELETE, late);

        assertThat(c.responses().get(v.id()).orElseThrow().state()).isEqualTo(ResponseState.VALIDATED);
        assertThat(c.responses().get(d.id()).orElseThrow().state()).isEqualTo(ResponseState.DELETED);
        assertThat(card(d).toString()).contains("Deleted by <@" + CAMILLE + ">");
        assertThat(posts(late)).singleElement().satisfies(p -> assertThat(p.path("text").asText())
                .startsWith("Already handled"));
    }

    // ---- after qualification ----

    Response qualified(Customer cust, List<String> items, String status) {
        Response r = response(cust, items);
        int opened = stub.calls("views.open").size();
        click(CAMILLE, r, SlackIds.QUALIFY_OPEN, responseUrl());
        JsonNode view = openedView(opened);
        ObjectNode state = values();
        multi(state, "items_0", items.toArray(String[]::new));
        select(state, "status_0", status);
        text(state, "comment_0", "Premier commentaire");
        user(state, "owner_0", CAMILLE);
        assertThat(slack.submit(CAMILLE, view, state).status()).isEqualTo(200);
        return c.responses().get(r.id()).orElseThrow();
    }

    @Test
    void changeOwner_editCommentForOneItem_cancelFollowUp_reQualify() {
        String a = number();
        String b = number();
        Customer cust = customer("Menuiserie Roche", CAMILLE, a, b);
        Response r = qualified(cust, List.of(a, b), "DELIVERY_DISPUTE");
        String followUpId = Ids.followUpId(r.id(), 1, 0);
        assertThat(c.followUps().get(followUpId).orElseThrow().owner()).isEqualTo(CAMILLE);

        int opened = stub.calls("views.open").size();
        click(CAMILLE, r, SlackIds.CHANGE_OWNER, responseUrl());
        JsonNode owner = openedView(opened);
        assertThat(owner.path("callback_id").asText()).isEqualTo(SlackIds.OWNER_VIEW);
        ObjectNode ownerState = values();
        select(ownerState, SlackIds.BLOCK_SCOPE, "*");
        user(ownerState, SlackIds.BLOCK_VALUE, HUGO);
        slack.submit(CAMILLE, owner, ownerState);
        assertThat(c.items().get(cust.id(), a).orElseThrow().owner()).isEqualTo(HUGO);
        assertThat(c.items().get(cust.id(), b).orElseThrow().owner()).isEqualTo(HUGO);
        assertThat(c.followUps().get(followUpId).orElseThrow().owner()).isEqualTo(HUGO);
        assertThat(c.audit().history(cust.id(), a, 20)).extracting(ItemEvent::field).contains("owner");
        assertThat(card(r).toString()).contains("<@" + HUGO + ">");

        opened = stub.calls("views.open").size();
        click(CAMILLE, r, SlackIds.EDIT_COMMENT, responseUrl());
        JsonNode comment = openedView(opened);
        ObjectNode commentState = values();
        select(commentState, SlackIds.BLOCK_SCOPE, b);
        text(commentState, SlackIds.BLOCK_VALUE, "Livraison partielle : reliquat attendu");
        slack.submit(CAMILLE, comment, commentState);
        assertThat(c.items().get(cust.id(), b).orElseThrow().comment()).isEqualTo("Livraison partielle : reliquat attendu");
        assertThat(c.items().get(cust.id(), a).orElseThrow().comment()).isEqualTo("Premier commentaire");

        opened = stub.calls("views.open").size();
        click(CAMILLE, r, SlackIds.CANCEL_FOLLOW_UP, responseUrl());
        JsonNode cancel = openedView(opened);
        ObjectNode none = values();
        checked(none, SlackIds.BLOCK_VALUE);
        assertThat(slack.submit(CAMILLE, cancel, none).json().path("errors").has(SlackIds.BLOCK_VALUE)).isTrue();
        ObjectNode all = values();
        checked(all, SlackIds.BLOCK_VALUE, followUpId);
        slack.submit(CAMILLE, cancel, all);
        assertThat(c.followUps().get(followUpId).orElseThrow().state()).isEqualTo(FollowUpState.CANCELLED);
        assertThat(env.scheduler().requests(x -> x.method().equals("DELETE") && x.path().contains(followUpId)))
                .isNotEmpty();
        assertThat(actionIds(card(r))).doesNotContain(SlackIds.CANCEL_FOLLOW_UP).contains(SlackIds.REQUALIFY);

        opened = stub.calls("views.open").size();
        click(CAMILLE, r, SlackIds.REQUALIFY, responseUrl());
        JsonNode again = openedView(opened);
        assertThat(again.path("private_metadata").asText()).isEqualTo(r.id() + "|rq");
        assertThat(again.toString()).contains("DELIVERY_DISPUTE"); // prefilled with the decision
        ObjectNode state = values();
        multi(state, "items_0", a, b);
        select(state, "status_0", "ALREADY_PAID");
        slack.submit(CAMILLE, again, state);
        Qualification q2 = c.qualifications().latest(r.id()).orElseThrow();
        assertThat(q2.version()).isEqualTo(2);
        assertThat(c.items().get(cust.id(), a).orElseThrow().status()).isEqualTo("ALREADY_PAID");
        assertThat(c.followUps().get(Ids.followUpId(r.id(), 2, 0))).isPresent();
    }

    @Test
    void buttonsOfADecidedCard_onAnOpenResponse_sayNotQualifiedYet() {
        Response r = response(customer("Atelier Nova", CAMILLE, number()), List.of());
        String url = responseUrl();
        int opened = stub.calls("views.open").size();
        click(CAMILLE, r, SlackIds.CHANGE_OWNER, url);
        assertThat(stub.calls("views.open")).hasSize(opened);
        assertThat(posts(url)).singleElement().satisfies(p -> assertThat(p.path("text").asText())
                .isEqualTo("This reply is not qualified yet."));
    }

    // ---- card helpers ----

    @Test
    void longText_showFullMessageOpensTheWholeText_andAttachmentsGetFreshLinks() throws Exception {
        Customer cust = customer("Cabinet Lenoir", CAMILLE, number());
        String text = "Ligne de texte du client <!channel> & autres détails. ".repeat(200);
        c.blobs().put("att/" + cust.id() + "/remise.pdf", "%PDF-1.4 test".getBytes(), "application/pdf");
        Response r = response(cust, List.of(), null, text, List.of(new AttachmentRef("remise.pdf",
                "application/pdf", 13, "att/" + cust.id() + "/remise.pdf", false)), null);
        JsonNode blocks = card(r);
        assertThat(actionIds(blocks)).contains(SlackIds.SHOW_FULL, SlackIds.ATTACHMENT_LINKS);
        assertThat(blocks.toString()).contains("remise.pdf", "X-Amz-Signature").doesNotContain("<!channel>");

        int opened = stub.calls("views.open").size();
        click(CAMILLE, r, SlackIds.SHOW_FULL, responseUrl());
        JsonNode full = openedView(opened);
        assertThat(full.path("callback_id").asText()).isEqualTo(SlackIds.FULL_TEXT_VIEW);
        StringBuilder shown = new StringBuilder();
        full.path("blocks").forEach(b -> shown.append(b.path("text").path("text").asText()));
        assertThat(shown.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
                .contains(text.strip());

        String url = responseUrl();
        click(CAMILLE, r, SlackIds.ATTACHMENT_LINKS, url);
        String link = posts(url).get(0).path("text").asText();
        assertThat(link).contains("remise.pdf", "X-Amz-Expires");
        String href = link.substring(link.indexOf('<') + 1, link.indexOf('|')).replace("&amp;", "&");
        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(href)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("%PDF-1.4 test");
    }

    // ---- triage ----

    @Test
    void unmatched_searchThePicker_linkOnce_thenQualify() {
        String a = number();
        Customer cust = customer("Brasserie Dubreuil Frères", CAMILLE, a);
        Customer other = customer("Dubreuil Transports", HUGO, number());
        Response r = response(null, List.of(a), null, "Voici notre règlement.", List.of(),
                EnumSet.of(ResponseFlag.UNMATCHED));
        JsonNode blocks = card(r);
        assertThat(actionIds(blocks)).contains(SlackIds.TRIAGE_CUSTOMER).doesNotContain(SlackIds.QUALIFY_OPEN);
        String triageBlock = SlackIds.BLOCK_TRIAGE + "|" + r.id();

        JsonNode byName = slack.suggest(CAMILLE, null, triageBlock, SlackIds.TRIAGE_CUSTOMER, "dubr").json();
        assertThat(byName.path("options").findValuesAsText("value")).contains(cust.id(), other.id());
        JsonNode twoWords = slack.suggest(CAMILLE, null, triageBlock, SlackIds.TRIAGE_CUSTOMER, "dubreuil bras")
                .json();
        assertThat(twoWords.path("options").findValuesAsText("value")).containsExactly(cust.id());
        JsonNode byInvoice = slack.suggest(CAMILLE, null, triageBlock, SlackIds.TRIAGE_CUSTOMER, a).json();
        assertThat(byInvoice.path("options").findValuesAsText("value")).containsExactly(cust.id());

        slack.selectInMessage(CAMILLE, r.card().channel(), r.card().ts(), triageBlock, SlackIds.TRIAGE_CUSTOMER,
                cust.id(), responseUrl());
        slack.selectInMessage(HUGO, r.card().channel(), r.card().ts(), triageBlock, SlackIds.TRIAGE_CUSTOMER,
                other.id(), responseUrl());

        Response linked = c.responses().get(r.id()).orElseThrow();
        assertThat(linked.customerId()).isEqualTo(cust.id());
        assertThat(linked.flags()).doesNotContain(ResponseFlag.UNMATCHED);
        assertThat(c.customers().get(cust.id()).orElseThrow().hasContact("compta@client.example")).isTrue();
        assertThat(actionIds(card(r))).contains(SlackIds.QUALIFY_OPEN).doesNotContain(SlackIds.TRIAGE_CUSTOMER);
        assertThat(c.collectionsIndex().responsesOf(cust.id(), 5)).extracting(Response::id).contains(r.id());
    }

    // ---- /ar ----

    @Test
    void history_byInvoice_showsItemsTimelineRepliesAndFollowUps_byNameListsCandidates() {
        String a = number();
        Customer cust = customer("Quincaillerie Morel", CAMILLE, a);
        customer("Morel Jardins", HUGO, number());
        Response r = qualified(cust, List.of(a), "PAYMENT_IN_PROGRESS");

        int opened = stub.calls("views.open").size();
        LocalSlackClient.Reply reply = slack.command(CAMILLE, "/ar", a.toLowerCase(), "C0COLLECT", responseUrl());
        assertThat(reply.status()).isEqualTo(200);
        JsonNode view = openedView(opened);
        String history = stub.view(view.path("id").asText()).orElseThrow().toString();
        assertThat(history).contains("Quincaillerie Morel", a, "Payment in progress", "Premier commentaire",
                "Le virement partira le 14", "Payment check reminder");
        assertThat(stub.view(view.path("id").asText()).orElseThrow().path("blocks").size()).isLessThanOrEqualTo(100);

        opened = stub.calls("views.open").size();
        slack.command(CAMILLE, "/ar", "morel", "C0COLLECT", responseUrl());
        JsonNode pick = stub.view(openedView(opened).path("id").asText()).orElseThrow();
        assertThat(pick.findValuesAsText("action_id")).contains(SlackIds.HISTORY_PICK);
        slack.clickInView(CAMILLE, pick, null, "b", SlackIds.HISTORY_PICK, "id:" + cust.id());
        assertThat(stub.view(pick.path("id").asText()).orElseThrow().toString()).contains(a);
        assertThat(r.id()).isNotNull();
    }

    // ---- App Home ----

    @Test
    void appHome_publishedOnOpen_retryAfterTimeoutIgnored_retryAfterErrorHandled() {
        Customer cust = customer("Traiteur Blanc", "U0HOME01", number());
        response(cust, List.of());
        ObjectNode event = LocalJson.MAPPER.createObjectNode().put("type", "app_home_opened").put("user", "U0HOME01")
                .put("tab", "home").put("channel", "D0HOME");
        int published = stub.calls("views.publish").size();

        assertThat(slack.event(event, 0, null).status()).isEqualTo(200);
        assertThat(stub.calls("views.publish")).hasSize(published + 1);
        JsonNode home = stub.home("U0HOME01").orElseThrow();
        assertThat(home.path("type").asText()).isEqualTo("home");
        assertThat(home.path("blocks").size()).isLessThanOrEqualTo(100);
        assertThat(home.toString()).contains("Traiteur Blanc", "My replies to qualify", "This week");

        assertThat(slack.event(event, 1, "http_timeout").status()).isEqualTo(200);
        assertThat(stub.calls("views.publish")).hasSize(published + 1);
        assertThat(slack.event(event, 2, "http_error").status()).isEqualTo(200);
        assertThat(stub.calls("views.publish")).hasSize(published + 2);
    }

    // ---- admin ----

    @Test
    void adminCommands_deniedOutsideTheGroup() {
        for (String command : List.of("/ar-status", "/ar-template", "/ar-scenario")) {
            int opened = stub.calls("views.open").size();
            LocalSlackClient.Reply reply = slack.command(OUTSIDER, command, "", "C0COLLECT", responseUrl());
            assertThat(reply.body()).as(command).contains("Admins only");
            assertThat(stub.calls("views.open")).hasSize(opened);
        }
    }

    @Test
    void arStatus_createWithErrorsThenValid_storedOverTheSeedAndAudited() {
        int opened = stub.calls("views.open").size();
        slack.command(CAMILLE, "/ar-status", "", "C0COLLECT", responseUrl());
        JsonNode list = openedView(opened);
        assertThat(list.findValuesAsText("action_id")).contains("status_new", "status_edit");
        int pushed = stub.calls("views.push").size();
        slack.clickInView(CAMILLE, list, null, "status_actions", "status_new", "new");
        assertThat(stub.calls("views.push")).hasSize(pushed + 1);
        JsonNode form = stub.lastView().orElseThrow();

        ObjectNode bad = values();
        text(bad, "code", "x");
        text(bad, "label_fr", "Escompte refusé");
        text(bad, "label_en", "Discount refused");
        select(bad, "type", "DISPUTE");
        text(bad, "delay", "400");
        select(bad, "template", "admin-dispute-follow-up");
        select(bad, "mode", "-");
        JsonNode errors = slack.submit(CAMILLE, form, bad).json().path("errors");
        assertThat(errors.fieldNames()).toIterable().contains("code", "delay", "mode");

        String code = "DISCOUNT_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        ObjectNode good = bad.deepCopy();
        text(good, "code", code);
        text(good, "delay", "4");
        select(good, "mode", "INTERNAL_INTERACTIVE_EMAIL");
        checked(good, "holds", "holds");
        text(good, "hold_days", "30");
        LocalSlackClient.Reply saved = slack.submit(CAMILLE, form, good);
        assertThat(saved.json().path("response_action").asText()).isEqualTo("update");
        var rule = c.rules().rule(code).orElseThrow();
        assertThat(rule.delay().days()).isEqualTo(4);
        assertThat(rule.holdDays()).isEqualTo(30);
        assertThat(c.audit().history(CatalogEdits.AUDIT_OWNER, "status/" + code, 5)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(CAMILLE));
    }

    @Test
    void arTemplate_previewShowsTheRenderingOrTheSyntaxError_submitRefusesBrokenMustache() {
        int opened = stub.calls("views.open").size();
        slack.command(CAMILLE, "/ar-template", "", "C0COLLECT", responseUrl());
        JsonNode list = openedView(opened);
        slack.clickInView(CAMILLE, list, null, "b", "template_edit", "payment-check-reminder");
        JsonNode form = stub.lastView().orElseThrow();
        assertThat(form.path("private_metadata").asText()).isEqualTo("payment-check-reminder");

        ObjectNode state = values();
        select(state, "channel", "EMAIL");
        select(state, "recipients", "CLIENT");
        text(state, "subject_fr", "Relance {{customerName}}");
        text(state, "body_fr", "Bonjour {{#items}}{{number}}{{/items}}");
        text(state, "subject_en", "Reminder {{customerName}}");
        text(state, "body_en", "Hello {{#items}}{{number}}");
        slack.clickInView(CAMILLE, form, state, "preview_actions", "template_preview", "payment-check-reminder");
        String preview = stub.view(form.path("id").asText()).orElseThrow().toString();
        assertThat(preview).contains("Relance Atelier Exemple SARL", "Bonjour FA-2025-00042", "Mustache syntax error");

        JsonNode errors = slack.submit(CAMILLE, form, state).json().path("errors");
        assertThat(errors.fieldNames()).toIterable().containsExactly("body_en");

        text(state, "body_en", "Hello {{#items}}{{number}}{{/items}}, still open.");
        assertThat(slack.submit(CAMILLE, form, state).json().path("response_action").asText()).isEqualTo("update");
        assertThat(c.rules().template("payment-check-reminder").orElseThrow().contentFor(
                io.arfollowup.core.domain.Language.EN).body()).endsWith("still open.");
    }

    @Test
    void arScenario_duplicateOffsetsRefused_validStepsSaved() {
        int opened = stub.calls("views.open").size();
        slack.command(CAMILLE, "/ar-scenario", "", "C0COLLECT", responseUrl());
        JsonNode form = openedView(opened);
        assertThat(blockIds(form)).contains("offset_0", "template_0", "channel_0", "offset_3");

        ObjectNode state = values();
        text(state, "offset_0", "-3");
        select(state, "template_0", "payment-check-reminder");
        text(state, "offset_1", "-3");
        select(state, "template_1", "broken-promise-follow-up");
        JsonNode errors = slack.submit(CAMILLE, form, state).json().path("errors");
        assertThat(errors.fieldNames()).toIterable().containsExactly("offset_1");

        text(state, "offset_1", "15");
        assertThat(slack.submit(CAMILLE, form, state).json().path("response_action").asText()).isEqualTo("update");
        assertThat(c.scenarioStore().steps()).extracting(s -> s.offsetDays()).containsExactly(-3, 15);
        assertThat(c.audit().history(CatalogEdits.AUDIT_OWNER, "scenario", 5)).isNotEmpty();
    }
}
