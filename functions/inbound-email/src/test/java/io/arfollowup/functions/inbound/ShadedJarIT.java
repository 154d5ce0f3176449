package io.arfollowup.functions.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonStreamParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import io.arfollowup.testing.data.Sidecars;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mail breaks only in the Lambda jar when shading drops META-INF/mailcap or the javamail resources (FACTS.md): every
 * dev message is parsed by a new JVM whose class path is the shaded inbound jar alone, and compared with its sidecar.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target/lambda/inbound-email.jar");
    private static final Path DEV = Path.of(System.getProperty("arfollowup.shared.dir", "../../../shared"))
            .resolve("emails/dev");

    @Test
    void theShadedJarParsesEveryDevMessageLikeItsSidecar() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        List<Path> emails;
        try (Stream<Path> s = Files.list(DEV)) {
            emails = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", JAR.toString(), "io.arfollowup.adapters.mail.ParseEmailCommand"));
        emails.forEach(e -> command.add(e.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("INBOUND_DOMAINS", "inbound.atelier-lumen.example");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit code").isZero();

        List<JsonObject> results = new ArrayList<>();
        new JsonStreamParser(new StringReader(out)).forEachRemaining(e -> results.add(e.getAsJsonObject()));
        assertThat(results).hasSize(emails.size());
        int exact = 0;
        for (int i = 0; i < emails.size(); i++) {
            JsonObject expected = JsonParser.parseString(Files.readString(sidecar(emails.get(i)))).getAsJsonObject();
            JsonObject actual = results.get(i);
            String name = emails.get(i).getFileName().toString();
            assertThat(text(actual, "from")).as(name + " from").isEqualToIgnoringCase(text(expected, "from"));
            assertThat(text(actual, "token")).as(name + " token").isEqualTo(text(expected, "token"));
            assertThat(actual.get("is_auto_reply").getAsBoolean()).as(name).isEqualTo(expected.get("is_auto_reply").getAsBoolean());
            assertThat(actual.get("is_bounce").getAsBoolean()).as(name).isEqualTo(expected.get("is_bounce").getAsBoolean());
            assertThat(Sidecars.normalise(text(actual, "new_text"))).as(name + " new_text").isEqualTo(Sidecars.normalise(text(expected, "new_text")));
            assertThat(names(actual.getAsJsonArray("attachments"))).as(name + " attachments")
                    .isEqualTo(names(expected.getAsJsonArray("attachments")));
            exact++;
        }
        System.out.println("shaded jar emails: " + exact + "/" + emails.size());
    }

    private static Path sidecar(Path eml) {
        return eml.resolveSibling(eml.getFileName().toString().replace(".eml", ".expected.json"));
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static List<String> names(JsonArray files) {
        List<String> out = new ArrayList<>();
        files.forEach(f -> out.add(f.getAsJsonObject().get("filename").getAsString() + "|"
                + f.getAsJsonObject().get("size_bytes").getAsLong()));
        return out;
    }


    static void unused() throws IOException {
    }
}
