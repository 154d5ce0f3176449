package io.arfollowup.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arfollowup.testing.stubs.LambdaInvokeStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.arfollowup.adapters.aws.LocalAws;

/** Send now from the worker: an Event invoke of the runner's alias with the scheduler's own input. */
class LambdaFollowUpTriggerIT {

    private final LambdaInvokeStub stub = new LambdaInvokeStub();
    private final LambdaFollowUpTrigger trigger = new LambdaFollowUpTrigger(
            LocalAws.clients("lambda", stub.endpoint()).lambdaApi(), "arn:aws:lambda:eu-west-3:123456789012:function:ar-followup-runner:live");

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
