package io.arfollowup.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.AttachmentSink;
import io.arfollowup.core.token.ReplyAddresses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import io.arfollowup.testing.data.Sidecars;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message of ../shared/emails/dev against its sidecar, all fields; prints {@code emails: <exact>/<total>}. */
class DevEmailsTest {

    static {
        MailSystemProperties.apply();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplyAddresses INBOUND = ReplyAddresses.fromConfig("inbound.atelier-lumen.example", null);
    private static final AngusMailReader READER = new AngusMailReader();
    private static final AtomicInteger EXACT = new AtomicInteger();
    private static final AtomicInteger TOTAL = new AtomicInteger();

    static Path devDir() {
        return Path.of(System.getProperty("arfollowup.shared.dir", "../../../shared")).resolve("emails/dev");
    }

    static Stream<String> messages() throws IOException {
        try (Stream<Path> files = Files.list(devDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void read_devMessage_matchesItsSidecar(String name) throws IOException {
        TOTAL.incrementAndGet();
        Path eml = devDir().resolve(name);
        JsonNode expected = JSON.readTree(devDir().resolve(name.replace(".eml", ".expected.json")).toFile());
        ReadMail mail = READER.read(eml, AttachmentSink.DISCARD);
        JsonNode actual = JSON.readTree(new com.google.gson.GsonBuilder().serializeNulls().create().toJson(
                ParseEmailCommand.toJson(mail, INBOUND, new com.google.gson.JsonObject())));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(lower(actual.get("from").asText(null))).as("from").isEqualTo(lower(expected.get("from").asText(null)));
        soft.assertThat(actual.get("token").isNull() ? null : actual.get("token").asText()).as("token")
                .isEqualTo(expected.get("token").isNull() ? null : expected.get("token").asText());
        soft.assertThat(actual.get("is_auto_reply").asBoolean()).as("is_auto_reply")
                .isEqualTo(expected.get("is_auto_reply").asBoolean());
        soft.assertThat(actual.get("is_bounce").asBoolean()).as("is_bounce").isEqualTo(expected.get("is_bounce").asBoolean());
        soft.assertThat(actual.get("language").asText()).as("language").isEqualTo(expected.get("language").asText());
        soft.assertThat(Sidecars.normalise(actual.get("new_text").asText())).as("new_text")
                .isEqualTo(Sidecars.normalise(expected.get("new_text").asText()));
        soft.assertThat(strings(actual.get("invoice_refs"))).as("invoice_refs")
                .containsExactlyInAnyOrderElementsOf(strings(expected.get("invoice_refs")));
        soft.assertThat(actual.get("attachments").toString()).as("attachments")
                .isEqualTo(expected.get("attachments").toString());
        if (soft.errorsCollected().isEmpty()) {
            EXACT.incrementAndGet();
        }
        soft.assertAll();
    }

    @AfterAll
    static void summary() {
        System.out.println("emails: " + EXACT.get() + "/" + TOTAL.get());
        assertThat(EXACT.get()).isEqualTo(TOTAL.get());
    }


    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
