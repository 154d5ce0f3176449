package io.arfollowup.testing.fakes;

import io.arfollowup.core.port.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** BlobStore in memory. */
public final class InMemoryBlobStore implements BlobStore {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public InputStream open(String key) throws IOException {
        byte[] b = objects.get(key);
        if (b == null) {
            throw new FileNotFoundException(key);
        }
        return new ByteArrayInputStream(b);
    }

    @Override
    public void download(String key, Path target) throws IOException {
        try (InputStream in = open(key)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        objects.put(key, content.clone());
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        objects.put(key, Files.readAllBytes(file));
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(key);
    }

    public Map<String, byte[]> objects() {
        return Map.copyOf(objects);
    }
}
