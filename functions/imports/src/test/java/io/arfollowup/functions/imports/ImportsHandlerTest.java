package io.arfollowup.functions.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.adapters.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportsHandlerTest {

    private static final Path EVENTS = Path.of(System.getProperty("arfollowup.root.dir", "../..")).resolve("events");

    @Test
    void anS3Notification_givesTheBucketAndTheDecodedKey() throws Exception {
        List<String[]> objects = ImportsHandler.objects(Json.parse(Files.readString(
                EVENTS.resolve("imports-s3-event.json"))));

        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(o[0]).isEqualTo("ar-followup-mailbucket-1a2b3c4d5e6f");
            assertThat(o[1]).isEqualTo("imports/payments 2025-11-07 échues.csv"); // '+' is a space, %C3%A9 é
        });
    }

    @Test
    void anEventBridgeObjectCreatedEvent_worksToo() throws Exception {
        assertThat(ImportsHandler.objects(Json.parse(Files.readString(EVENTS.resolve(
                "imports-eventbridge-event.json"))))).singleElement()
                .satisfies(o -> assertThat(o[1]).isEqualTo("imports/items.csv"));
    }

    @Test
    void anEventWithoutAnObject_isRefusedLoudly() {
        assertThatThrownBy(() -> ImportsHandler.objects(Json.parse("{\"Records\":[]}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
