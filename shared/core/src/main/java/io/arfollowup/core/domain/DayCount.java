package io.arfollowup.core.domain;

/** How a rule's delay counts days: every day (J+N as in the seed) or business days only. */
public enum DayCount {
    CALENDAR, BUSINESS
}
