package io.arfollowup.core.time;

import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.DayCount;
import io.arfollowup.core.domain.Delay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a status rule's delay into the instant a follow-up runs (DESIGN §5): counted from the qualification day
 * in the customer's zone, calendar days unless the rule says BUSINESS, rolled forward off weekends and public
 * holidays of the customer's country, at the send hour. A promise is checked the business day after the promised
 * date. A due instant already past runs one minute from now.
 */
public final class FollowUpPlanner {

    public static final LocalTime DEFAULT_SEND_HOUR = LocalTime.of(9, 0);
    private static final Duration PAST_DUE_GRACE = Duration.ofMinutes(1);

    private final Clock clock;
    private final LocalTime sendHour;
    private final Map<Country, BusinessCalendar> calendars = new EnumMap<>(Country.class);

    public FollowUpPlanner(Clock clock, LocalTime sendHour) {
        this.clock = clock;
        this.sendHour = sendHour == null ? DEFAULT_SEND_HOUR : sendHour;
        for (Country c : Country.values()) {
            calendars.put(c, BusinessCalendar.of(c));
        }
    }

    public FollowUpPlanner(Clock clock) {
        this(clock, DEFAULT_SEND_HOUR);
    }

    public BusinessCalendar calendar(Country country) {
        return calendars.get(country);
    }

    /** Today in the customer's zone. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The due day of a rule's follow-up, before the send hour is applied. */
    public LocalDate dueDate(Delay delay, ZoneId zone, Country country, LocalDate promisedDate) {
        BusinessCalendar cal = calendar(country);
        LocalDate today = today(zone);
        if (delay.afterPromisedDate() && promisedDate != null) {
            return cal.nextAfter(promisedDate);
        }
        LocalDate raw = delay.unit() == DayCount.BUSINESS
                ? cal.plusBusinessDays(today, delay.days())
                : today.plusDays(delay.days());
        return cal.onOrAfter(raw);
    }

    /** The instant a rule's follow-up runs. */
    public Instant due(Delay delay, ZoneId zone, Country country, LocalDate promisedDate) {
        return at(dueDate(delay, zone, country, promisedDate), zone);
    }

    /**
     * Postpone +N days from today (the day the owner clicks): calendar days, rolled off weekends and holidays of the
     * customer's country, at the send hour; at least one minute from now.
     */
    public Instant postponed(int days, ZoneId zone, Country country) {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("postpone by 1 to 365 days, got " + days);
        }
        return at(calendar(country).onOrAfter(today(zone).plusDays(days)), zone);
    }

    /**
     * The instant for a day a collector picked: kept as chosen (no roll), at the send hour, and never in the past.
     * In a DST gap the time moves forward by the gap; in an overlap the earlier offset wins (java.time's rules).
     */
    public Instant at(LocalDate date, ZoneId zone) {
        Instant due = ZonedDateTime.of(date, sendHour, zone).toInstant();
        Instant now = clock.instant();
        if (!due.isAfter(now)) {
            return now.plus(PAST_DUE_GRACE).truncatedTo(ChronoUnit.SECONDS);
        }
        return due;
    }
}
