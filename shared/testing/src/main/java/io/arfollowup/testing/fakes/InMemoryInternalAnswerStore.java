package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.InternalAnswer;
import io.arfollowup.core.port.InternalAnswerStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** InternalAnswerStore in memory: create-if-absent like the conditional write. */
public final class InMemoryInternalAnswerStore implements InternalAnswerStore {
    private final Map<String, InternalAnswer> answers = new ConcurrentHashMap<>();

    @Override
    public boolean create(InternalAnswer answer) {
        return answers.putIfAbsent(answer.id(), answer) == null;
    }

    @Override
    public Optional<InternalAnswer> get(String answerId) {
        return Optional.ofNullable(answers.get(answerId));
    }

    @Override
    public synchronized boolean markApplied(String answerId) {
        InternalAnswer a = answers.get(answerId);
        if (a == null || a.applied()) {
            return false;
        }
        answers.put(answerId, a.asApplied());
        return true;
    }

    public List<InternalAnswer> all() {
        return List.copyOf(answers.values());
    }
}
