package io.arfollowup.adapters.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.testing.stubs.RecordedRequest;
import io.arfollowup.testing.stubs.SmsStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The SMS adapter against the loopback End User Messaging stand-in: the request AWS gets, throttling, refusals. */
class EndUserMessagingSmsSenderIT {

    private final SmsStub stub = new SmsStub();
    private final EndUserMessagingSmsSender sender = new EndUserMessagingSmsSender(
            new EndUserMessagingSmsSender.Settings("eu-west-3", stub.endpoint(), "+33700000000", null),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void sendTextMessage_isASignedJson10Call() {
        String id = sender.send("+33465712014", "Rappel : FA-1 reste dû (120,00 €).", "fu-1");

        assertThat(stub.messages()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(id);
            assertThat(m.to()).isEqualTo("+33465712014");
            assertThat(m.body()).isEqualTo("Rappel : FA-1 reste dû (120,00 €).");
            assertThat(m.originationIdentity()).isEqualTo("+33700000000");
            assertThat(m.context()).isEqualTo("fu-1");
        });
        RecordedRequest r = stub.requests().get(0);
        assertThat(r.header("x-amz-target")).isEqualTo("PinpointSMSVoiceV2.SendTextMessage");
        assertThat(r.header("content-type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(r.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-3/sms-voice/aws4_request");
    }

    @Test
    void throttling_isRetried_andSentOnce() {
        stub.throttleNext(2);
        sender.send("+442079460321", "Reminder", "fu-2");
        assertThat(stub.requests()).hasSize(3);
        assertThat(stub.messages()).hasSize(1);
    }

    @Test
    void aNumberThatIsNotE164_isRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> sender.send("04 65 71 20 14", "x", "fu-3"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests()).isEmpty();
    }
}
