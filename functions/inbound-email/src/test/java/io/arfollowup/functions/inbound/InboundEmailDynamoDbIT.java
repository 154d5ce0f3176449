package io.arfollowup.functions.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.adapters.dynamodb.DynamoDbResponseStore;
import io.arfollowup.adapters.dynamodb.SingleTable;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.token.Ids;
import io.arfollowup.testing.engines.Engine;
import io.arfollowup.testing.engines.LocalEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Case D02 on dynalite (which refuses items over 400 KB like AWS): a 530 KB reply with a 36-message Outlook
 * thread is stored as a small item (capped new text, pointers to S3), and so is a reply whose own text is huge.
 */
@ExtendWith(LocalEngines.class)
class InboundEmailDynamoDbIT {

    static DynamoDbClient dynamo;
    static String table;

    @BeforeAll
    static void table() {
        dynamo = DynamoDbClient.builder().endpointOverride(LocalEngines.get(Engine.DYNALITE).endpoint())
                .region(Region.EU_WEST_3).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l"))).build();
        table = "it-inbound-" + UUID.randomUUID().toString().substring(0, 8);
        SingleTable.createIfMissing(dynamo, table);
    }

    static InboundFixture fixture() {
        return new InboundFixture(new DynamoDbResponseStore(dynamo, table, Clock.fixed(InboundFixture.NOW,
                ZoneOffset.UTC)));
    }

    /** Runs the case's generator (python3, stdlib only) into target/. */
    static Path generateD02() throws Exception {
        Path out = Path.of("target", "d02", "D02-long-thread-reply.eml");
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder("python3", InboundFixture.caseFile("D02-long-thread-reply.gen.py").toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    static Map<String, AttributeValue> raw(String responseId) {
        return dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("R#" + responseId), "sk", AttributeValue.fromS("RESPONSE")))).item();
    }

    /** An item's size as DynamoDB counts it: attribute names plus values (UTF-8), recursively. */
    static long size(Map<String, AttributeValue> item) {
        long total = 0;
        for (var e : item.entrySet()) {
            total += e.getKey().getBytes(StandardCharsets.UTF_8).length + size(e.getValue());
        }
        return total;
    }

    static long size(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return (v.n().length() + 1) / 2 + 1;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToLong(x -> 1 + size(x)).sum();
        }
        if (v.hasM()) {
            return 3 + size(v.m()) + v.m().size();
        }
        return 1;
    }

    @Test
    void d02_longThreadReply_isStoredAsASmallItemWithItsFullTextInS3() throws Exception {
        Path eml = generateD02();
        assertThat(Files.size(eml)).isGreaterThan(500_000);
        InboundFixture f = fixture();
        String key = "raw/d02-" + UUID.randomUUID();
        f.store(key, eml);

        f.handle(InboundFixture.s3Event("inbound-mail", key));

        String id = Ids.responseIdForMail(key);
        Response r = f.responses.get(id).orElseThrow();
        assertThat(r.customerId()).isEqualTo("C-LACROIX");
        assertThat(r.newText()).contains("Nous validons l’échéancier en trois fois proposé")
                .doesNotContain("Ligne 0 de l’échange").hasSizeLessThanOrEqualTo(Response.MAX_NEW_TEXT);
        assertThat(r.rawKey()).isEqualTo(key);
        assertThat(r.fullTextKey()).isNotNull();
        String fullText = new String(f.blobs.objects().get(r.fullTextKey()), StandardCharsets.UTF_8);
        assertThat(fullText).contains("Ligne 39 de l’échange 35").hasSizeGreaterThan(Response.MAX_NEW_TEXT);
        assertThat(size(raw(id))).isLessThan(32 * 1024);
        assertThat(f.chat.posted()).singleElement().satisfies(card -> assertThat(card.response().newText())
                .contains("premier prélèvement le 15 mars"));
    }

    @Test
    void d02_replyWhoseOwnTextIsHuge_isCappedFlaggedAndStillFarBelow400KB(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 450_000; i++) {
            body.append("Détail du règlement ").append(i).append(" : facture FA-2025-0101, 4 820,00 € — éà€\r\n");
        }
        Path eml = Files.writeString(dir.resolve("huge.eml"), "From: Martine Lacroix <m.lacroix@lacroix-textile.example.org>\r\n"
                + "To: relances+Ys6Bn4cWq8Td@reply.example.com\r\nSubject: RE: Relance\r\n"
                + "Date: Wed, 12 Mar 2025 08:41:19 +0100\r\nMessage-ID: <huge-1@lacroix-textile.example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body, StandardCharsets.UTF_8);
        InboundFixture f = fixture();
        String key = "raw/huge-" + UUID.randomUUID();
        f.store(key, eml);

        f.handle(InboundFixture.s3Event("inbound-mail", key));

        String id = Ids.responseIdForMail(key);
        Response r = f.responses.get(id).orElseThrow();
        assertThat(r.flags()).contains(ResponseFlag.TRUNCATED);
        assertThat(r.newText()).hasSize(Response.MAX_NEW_TEXT);
        assertThat(r.fullTextKey()).isNotNull();
        assertThat(f.blobs.objects().get(r.fullTextKey()).length).isGreaterThan(400_000);
        long size = size(raw(id));
        assertThat(size).isGreaterThan(Response.MAX_NEW_TEXT).isLessThan(100 * 1024);
    }
}
