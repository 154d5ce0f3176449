package io.arfollowup.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.testing.stubs.LambdaInvokeStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Send now from the worker: an Event invoke of the runner's alias with the scheduler's own input. */
class LambdaFollowUpTriggerIT {

    private final LambdaInvokeStub stub = new LambdaInvokeStub();
    private final LambdaFollowUpTrigger trigger = new LambdaFollowUpTrigger(LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_3).endpointOverride(stub.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build(),
            "arn:aws:lambda:eu-west-3:123456789012:function:ar-followup-runner:live");

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void runNow_isAnAsynchronousInvokeOfTheRunnerAlias_withIdsOnly() {
        assertThat(trigger.runNow("fu-abc234")).isEmpty();
        assertThat(stub.invocations()).singleElement().satisfies(i -> {
            assertThat(i.function()).isEqualTo("arn:aws:lambda:eu-west-3:123456789012:function:ar-followup-runner:live");
            assertThat(i.invocationType()).isEqualTo("Event");
            assertThat(i.payload()).isEqualTo("{\"followUpId\":\"fu-abc234\"}");
        });
    }

    @Test
    void anIdThatCouldInjectJson_isRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> trigger.runNow("fu\",\"x\":\"y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.invocations()).isEmpty();
    }
}
