package io.arfollowup.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Jackson's tree model for building events and payloads in the local runtime (not shipped in any Lambda). */
final class LocalJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private LocalJson() {
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
