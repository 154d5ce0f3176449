package io.arfollowup.testing.fakes;

import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.port.WebUploadStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Web-page upload drafts in memory (insertion order, idempotent on the file id). */
public final class InMemoryWebUploadStore implements WebUploadStore {

    private final Map<String, Map<String, AttachmentRef>> drafts = new ConcurrentHashMap<>();

    @Override
    public synchronized void add(String draftId, String fileId, AttachmentRef file) {
        drafts.computeIfAbsent(draftId, k -> new LinkedHashMap<>()).putIfAbsent(fileId, file);
    }

    @Override
    public synchronized List<AttachmentRef> list(String draftId) {
        return new ArrayList<>(drafts.getOrDefault(draftId, Map.of()).values());
    }
}
