package io.arfollowup.core.port;

import io.arfollowup.core.usecase.Work;

/**
 * Hands work that cannot fit in Slack's 3-second ack to the worker: an asynchronous Lambda invoke in AWS, an
 * in-process call locally. Never a thread started after the ack (it would freeze with the Lambda sandbox).
 */
public interface WorkDispatcher {
    void dispatch(Work work);
}
