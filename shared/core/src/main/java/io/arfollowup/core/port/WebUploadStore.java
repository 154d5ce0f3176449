package io.arfollowup.core.port;

import io.arfollowup.core.domain.AttachmentRef;
import java.util.List;

/**
 * Files a customer uploaded through the web page before the answer is complete (a validation error returns the
 * form): kept server-side under a draft id derived from the link token and the form's nonce, so they stay attached
 * and listed whatever the browser sends next. Adding the same file twice changes nothing.
 */
public interface WebUploadStore {
    /** Records one accepted file of the draft (idempotent on {@code fileId}). */
    void add(String draftId, String fileId, AttachmentRef file);

    /** The draft's files in the order they were accepted (bounded: the page accepts at most a few). */
    List<AttachmentRef> list(String draftId);
}
