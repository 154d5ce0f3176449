package io.arfollowup.core.usecase;

import io.arfollowup.core.domain.Hold;
import io.arfollowup.core.domain.ItemEvent;
import io.arfollowup.core.port.AuditLog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the items' audit trail for holds, promises, payments, imports and the scenario: who or what, when,
 * before → after, and the cause. The idempotency key names the step, so a retried step records its event once.
 */
final class Audit {

    static final String SYSTEM_SCENARIO = "scenario";
    static final String SYSTEM_IMPORT = "import";
    static final String SYSTEM_PROMISE_CHECK = "promise-check";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final AuditLog log;

    Audit(AuditLog log) {
        this.log = log;
    }

    void record(String customerId, String number, Instant at, String actor, String field, String before, String after,
                String cause, String key) {
        log.record(new ItemEvent(customerId, number, at, actor, field, before, after, cause), key);
    }

    /** "PAYMENT_PROMISE until 2025-12-04" / "PAYMENT_PROMISE until the check". */
    static String describe(Hold hold) {
        if (hold == null) {
            return null;
        }
        return hold.reason() + (hold.until() == null ? " until the check" : " until " + DAY.format(hold.until()));
    }
}
