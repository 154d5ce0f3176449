package io.arfollowup.core.domain;

/**
 * A status rule's follow-up delay. {@code afterPromisedDate}: the follow-up checks the business day after the
 * promised date, and falls back to {@code days} when the answer carries no date (PAYMENT_PROMISE: J+7).
 */
public record Delay(int days, DayCount unit, boolean afterPromisedDate) {
    public Delay {
        if (days < 0 || days > 365) {
            throw new IllegalArgumentException("delay must be between 0 and 365 days, got " + days);
        }
        unit = unit == null ? DayCount.CALENDAR : unit;
    }

    public static Delay calendar(int days) {
        return new Delay(days, DayCount.CALENDAR, false);
    }

    public static Delay business(int days) {
        return new Delay(days, DayCount.BUSINESS, false);
    }
}
