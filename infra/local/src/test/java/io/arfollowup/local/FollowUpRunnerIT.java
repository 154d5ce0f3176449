package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.adapters.ses.SesMailer;
import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Contact;
import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.FollowUp;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.FollowUpState;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.OutgoingEmail;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.RunFollowUp;
import io.arfollowup.testing.stubs.LoopbackStub;
import io.arfollowup.testing.stubs.RecordedRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The runner on the real engines (dynalite, aws-ses-v2-local, the Slack stand-in): case B04 (the scheduler invokes
 * the target twice: one e-mail, one Slack notice), a crash between claim and send (taken over after the lease, sent
 * once), and SES throttling answered with 429 by a loopback proxy (the SDK retries; one e-mail arrives).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpRunnerIT {

    private final io.arfollowup.testing.time.SettableClock clock =
            new io.arfollowup.testing.time.SettableClock(Instant.now());
    private final AtomicReference<Instant> now = clock.now;
    private LocalEnvironment env;
    private LocalRuntime runtime;
    private Components c;

    @BeforeAll
    void start() {
        env = new LocalEnvironment(null, clock);
        runtime = new LocalRuntime(env, 0);
        c = env.components();
    }

    @AfterAll
    void stop() {
        runtime.close();
        env.close();
    }

    /** A customer with one invoice, a reply with a card, qualified COPY_REQUEST (J+0): one follow-up planned. */
    private FollowUp planned(String id) {
        c.customers().put(new Customer(id, "Client " + id, Language.FR, Country.FR, ZoneId.of("Europe/Paris"),
                List.of(new Contact("ap@" + id + ".example", "AP", null, "+33 4 65 71 20 14", false)), "U0OWNER", null));
        c.items().put(new Item(id, "FA-" + id, null, new BigDecimal("120.00"), null, "EUR", LocalDate.now(),
                LocalDate.now().minusDays(30), null, null, null, null, null));
        String responseId = "em-" + id;
        c.responses().create(new Response(responseId, ResponseChannel.EMAIL, id, "ap@" + id + ".example", null,
                now.get(), "Re: relance", "Pouvez-vous renvoyer la facture ?", "fr", null, null, null,
                List.of("FA-" + id), null, null, null, "<" + id + "@client.example>", ResponseState.NEW,
                new CardRef("C0COLLECT", "1700000000." + id.hashCode()), null));
        QualifyResponse.Result r = c.qualifyResponse().handle(new QualifyResponse.Command(responseId, "V:" + id,
                List.of(new QualificationGroup(List.of("FA-" + id), "COPY_REQUEST", "copie", "U0OWNER", null, null,
                        FollowUpOverride.NONE)), Notify.NOBODY, "U0OWNER", false));
        return r.followUps().get(0);
    }

    private long emailsTo(String address) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(env.ses().endpoint()
                .resolve("/store")).GET().build(), HttpResponse.BodyHandlers.ofString());
        long n = 0;
        for (JsonNode e : LocalJson.MAPPER.readTree(r.body()).path("emails")) {
            for (JsonNode to : e.path("destination").path("to")) {
                if (to.asText().equals(address)) {
                    n++;
                }
            }
        }
        return n;
    }

    private long threadNotices(CardRef card) {
        return env.slack().calls("chat.postMessage").stream().filter(p -> card.ts().equals(p.get("thread_ts")))
                .count();
    }

    /** Case B04, with the case's own payload shape: two concurrent deliveries, one e-mail, one Slack notice. */
    @Test
    void b04_theTargetInvokedTwice_sendsOneEmailAndOneSlackNotice() throws Exception {
        FollowUp fu = planned("b04");
        String payload = "{\"followUpId\":\"" + fu.id() + "\",\"reminderId\":\"FA-2025-0142#3\",\"step\":3,"
                + "\"scheduledFor\":\"2025-03-11T08:00:00Z\",\"scheduleArn\":\"arn:aws:scheduler:eu-west-3:"
                + "123456789012:schedule/relances/" + fu.scheduleName() + "\"}";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> invoke = () -> runtime.invokeRunner(payload);
            Future<String> a = pool.submit(invoke);
            Future<String> b = pool.submit(invoke);
            String ra = a.get();
            String rb = b.get();
            assertThat(List.of(ra, rb)).filteredOn(s -> s.contains("\"DONE\"")).hasSize(1);
            assertThat(List.of(ra, rb)).filteredOn(s -> s.contains("ALREADY_HANDLED")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(emailsTo("ap@b04.example")).isEqualTo(1);
        assertThat(threadNotices(c.responses().get("em-b04").orElseThrow().card())).isEqualTo(1);
        assertThat(c.followUps().get(fu.id()).orElseThrow().state()).isEqualTo(FollowUpState.DONE);
    }

    @Test
    void aCrashBetweenClaimAndSend_isTakenOverOnceTheLeaseExpires_andSentOnce() throws Exception {
        FollowUp fu = planned("crash");
        assertThat(c.followUps().claim(fu.id(), now.get(), RunFollowUp.LEASE)).isPresent(); // the run that died

        assertThat(runtime.invokeRunner("{\"followUpId\":\"" + fu.id() + "\"}")).contains("ALREADY_HANDLED");
        assertThat(emailsTo("ap@crash.example")).isZero();

        // the daily catch-up finds the dead run once the lease is over
        now.set(now.get().plus(RunFollowUp.LEASE).plusSeconds(1));
        assertThat(runtime.invokeRunner("{\"catchUp\":true}")).contains("\"done\":1");
        assertThat(runtime.invokeRunner("{\"followUpId\":\"" + fu.id() + "\"}")).contains("ALREADY_HANDLED");
        assertThat(emailsTo("ap@crash.example")).isEqualTo(1);
        assertThat(c.followUps().get(fu.id()).orElseThrow().state()).isEqualTo(FollowUpState.DONE);
    }

    @Test
    void aLostSchedule_isRunByTheDailyCatchUp() throws Exception {
        FollowUp fu = planned("lost");
        // its schedule never fires (deleted by hand, refused, lost): the catch-up runs it once it is 15 minutes late
        Instant late = fu.due().plus(Duration.ofMinutes(16));
        if (late.isAfter(now.get())) {
            now.set(late);
        }
        assertThat(runtime.invokeRunner("{\"catchUp\":true}")).contains("\"failed\":0");
        assertThat(emailsTo("ap@lost.example")).isEqualTo(1);
    }

    /** Edit & send: the modal opens prefilled (views.open), its submission sends the owner's text, once. */
    @Test
    void editAndSend_throughTheSlackModal_sendsTheEditedMessage() throws Exception {
        FollowUp planned = planned("edit");
        // the collector asked for a confirmation instead: the card waits for the owner
        QualifyResponse.Result r = c.qualifyResponse().handle(new QualifyResponse.Command("em-edit", "V2:edit",
                List.of(new QualificationGroup(List.of("FA-edit"), "COPY_REQUEST", "copie", "U0OWNER", null, null,
                        new FollowUpOverride(null, null, io.arfollowup.core.domain.FollowUpMode.AUTOMATIC_WITH_CONFIRMATION,
                                false))), Notify.NOBODY, "U0OWNER", true));
        FollowUp fu = r.followUps().get(0);
        assertThat(runtime.invokeRunner("{\"followUpId\":\"" + fu.id() + "\"}")).contains("AWAITING_CONFIRMATION");
        CardRef card = c.followUps().get(fu.id()).orElseThrow().card();
        LocalSlackClient slack = new LocalSlackClient(runtime.slackRequestUrl(), env.slack().endpoint(),
                LocalEnvironment.SIGNING_SECRET, clock);

        int views = env.slack().calls("views.open").size();
        assertThat(slack.clickButton("U0OWNER", card.channel(), card.ts(), "fu_edit", fu.id())).isEqualTo(200);
        assertThat(env.slack().calls("views.open")).hasSize(views + 1);
        JsonNode view = LocalJson.read(env.slack().calls("views.open").get(views).get("view"));
        assertThat(view.toString()).contains("fu_subject").contains("FA-edit");
        var values = LocalJson.MAPPER.createObjectNode();
        values.putObject("fu_subject").putObject("value").put("type", "plain_text_input")
                .put("value", "Votre duplicata FA-edit");
        values.putObject("fu_body").putObject("value").put("type", "plain_text_input")
                .put("value", "Bonjour,\nvoici le duplicata demandé.\nCordialement");
        var withIds = ((com.fasterxml.jackson.databind.node.ObjectNode) view.deepCopy()).put("id", "V0EDIT")
                .put("hash", "h1");
        assertThat(slack.submitView("U0OWNER", withIds, values)).isEqualTo(200);
        assertThat(slack.submitView("U0OWNER", withIds, values)).isEqualTo(200); // a double submission

        assertThat(emailsTo("ap@edit.example")).isEqualTo(1);
        assertThat(c.followUps().get(fu.id()).orElseThrow().state()).isEqualTo(FollowUpState.DONE);
        assertThat(c.followUps().get(planned.id()).orElseThrow().state()).isEqualTo(FollowUpState.CANCELLED);
    }

    /**
     * SES answers 429 twice (a loopback proxy in front of aws-ses-v2-local): the signed call retries as the SDK
     * would (AwsHttp), one e-mail arrives.
     */
    @Test
    void sesThrottling_isRetried_andTheMailIsSentOnce() throws Exception {
        try (ThrottlingProxy proxy = new ThrottlingProxy(env.ses().endpoint(), 2)) {
            var ses = new io.arfollowup.adapters.aws.AwsClients(io.arfollowup.adapters.config.AppConfig.from(
                    Map.of("AWS_REGION", "eu-west-3", "TABLE_NAME", "t", "MAIL_BUCKET", "b", "INBOUND_DOMAINS",
                            "in.example", "SENDER_ADDRESS", "a@b.example", "SES_ENDPOINT",
                            proxy.endpoint().toString()))).ses();
            String id = new SesMailer(ses).send(new OutgoingEmail("relances@atelier-lumen.example",
                    List.of("throttled@client.example"), null, null, "Relance", "Bonjour", null,
                    "<fu-throttle@inbound.example>", null, null, null, null, Map.of()));

            assertThat(id).isNotBlank();
            assertThat(proxy.requests(r -> r.path().contains("/outbound-emails"))).hasSize(3);
            assertThat(proxy.throttled.get()).isEqualTo(2);
            assertThat(emailsTo("throttled@client.example")).isEqualTo(1);
        }
    }

    /** Answers 429 TooManyRequestsException {@code times} times, then forwards to the real local SES. */
    static final class ThrottlingProxy extends LoopbackStub {
        private static final Set<String> HOP = Set.of("host", "content-length", "connection", "expect", "upgrade");
        private final URI target;
        private final AtomicInteger left;
        final AtomicInteger throttled = new AtomicInteger();
        private final HttpClient http = HttpClient.newHttpClient();

        ThrottlingProxy(URI target, int times) {
            this.target = target;
            this.left = new AtomicInteger(times);
        }

        @Override
        protected Reply answer(RecordedRequest request) throws java.io.IOException {
            if (left.getAndDecrement() > 0) {
                throttled.incrementAndGet();
                return Reply.json(429, "{\"message\":\"Maximum sending rate exceeded.\"}")
                        .withHeader("x-amzn-ErrorType", "TooManyRequestsException");
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(request.path()
                    + (request.query() == null ? "" : "?" + request.query())))
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach((k, v) -> {
                if (!HOP.contains(k.toLowerCase(Locale.ROOT))) {
                    v.forEach(x -> b.header(k, x));
                }
            });
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(r.statusCode(), r.headers().firstValue("content-type").orElse("application/json"),
                        r.body(), Map.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            }
        }
    }

    static boolean unused(Path p) throws Exception {
        return Files.exists(p) && new String(Files.readAllBytes(p), StandardCharsets.UTF_8).isEmpty();
    }
}
