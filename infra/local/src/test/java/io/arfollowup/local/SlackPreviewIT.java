package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.CardView;
import io.arfollowup.testing.data.TestData;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The local Slack preview, as a browser without JavaScript uses it: GET the page, POST its forms. One card is
 * clicked through qualification: Qualify… opens the modal (rendered from its Block Kit), the form is submitted,
 * the worker qualifies, and the page shows the rewritten card.
 */
class SlackPreviewIT {

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    String get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    String post(URI uri, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aCardIsClickedThroughQualification_inThePreview() throws Exception {
        try (LocalEnvironment env = new LocalEnvironment(null, Clock.systemUTC());
             LocalRuntime runtime = new LocalRuntime(env, 0)) {
            var c = env.components();
            Customer customer = TestData.aCustomer().id("c-preview").named("Verrerie Lambert").collector("U0COLLECT1")
                    .build();
            c.customers().put(customer);
            c.items().put(TestData.anInvoice(customer.id(), "FA-PREV-1").build());
            Response r = new Response("em-preview", ResponseChannel.EMAIL, customer.id(), "a@b.example", null,
                    Instant.now(), "Re", "Nous paierons la FA-PREV-1 vendredi.", "fr", null, null, null,
                    List.of("FA-PREV-1"), null, null, null, null, ResponseState.NEW, null, null);
            c.responses().create(r);
            CardRef card = c.chat().postResponseCard(new CardView(r, customer, c.items().openItems(customer.id()),
                    null));
            c.responses().recordCard(r.id(), card);

            String page = get(runtime.previewUrl().resolve("/preview?user=U0COLLECT1"));
            assertThat(page).contains("Reply from Verrerie Lambert", "Nous paierons la FA-PREV-1 vendredi.",
                    "data-action=\"qualify_open\"");

            String withModal = post(runtime.previewUrl().resolve("/preview/action"), Map.of("user", "U0COLLECT1",
                    "channel", card.channel(), "ts", card.ts(), "block_id", "response_actions",
                    "action_id", "qualify_open", "value", r.id()));
            assertThat(withModal).contains("id=modal", "Qualify the reply", "name=\"status_0\"",
                    "name=\"items_0\"");

            String after = post(runtime.previewUrl().resolve("/preview/submit"), Map.of("user", "U0COLLECT1",
                    "items_0", "FA-PREV-1", "status_0", "PAYMENT_IN_PROGRESS", "comment_0", "Paiement vendredi",
                    "notify", "NOBODY"));
            assertThat(after).doesNotContain("id=modal").contains("Qualified by @U0COLLECT1",
                    "data-action=\"change_owner\"");
            assertThat(c.qualifications().latest(r.id())).isPresent();
            assertThat(c.items().get(customer.id(), "FA-PREV-1").orElseThrow().status())
                    .isEqualTo("PAYMENT_IN_PROGRESS");
        }
    }
}
