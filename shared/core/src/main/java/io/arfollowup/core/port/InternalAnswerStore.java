package io.arfollowup.core.port;

import io.arfollowup.core.domain.InternalAnswer;
import java.util.Optional;

/**
 * Colleagues' answers to internal e-mails, keyed on the signed link's token id: creating one is the single-use
 * check (a conditional write), so a link clicked twice or replayed records nothing the second time.
 */
public interface InternalAnswerStore {
    /** Stores the answer if its link was never used; false (nothing written) when it was. */
    boolean create(InternalAnswer answer);

    Optional<InternalAnswer> get(String answerId);

    /** Marks the answer's effect as done; false when it already was (a second validation click). */
    boolean markApplied(String answerId);
}
