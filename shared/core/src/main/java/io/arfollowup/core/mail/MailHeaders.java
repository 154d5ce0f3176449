package io.arfollowup.core.mail;

import java.util.List;

/** Read access to a message's top-level header fields (decoded text, unfolded), for rules that look at headers. */
@FunctionalInterface
public interface MailHeaders {
    /** Every value of the field, in order; empty when absent. Names are case-insensitive. */
    List<String> all(String name);

    default String first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    default boolean has(String name) {
        return !all(name).isEmpty();
    }
}
