package io.arfollowup.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Country;
import io.arfollowup.core.domain.DayCount;
import io.arfollowup.core.domain.Delay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FollowUpPlannerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static FollowUpPlanner at(String instant) {
        return new FollowUpPlanner(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0} + {1} {2} days ({3}) → {4}")
    @CsvSource({
            // qualified on (UTC instant),  days, unit,   country, expected due day
            "2025-11-05T10:00:00Z, 3, CALENDAR, FR, 2025-11-10", // Sat 8 → Mon 10
            "2025-11-05T10:00:00Z, 5, CALENDAR, FR, 2025-11-10", // Mon 10
            "2025-11-05T10:00:00Z, 6, CALENDAR, FR, 2025-11-12", // Tue 11 is Armistice in France
            "2025-11-05T10:00:00Z, 6, CALENDAR, GB, 2025-11-11", // ... a working day in England
            "2025-11-07T10:00:00Z, 2, BUSINESS, FR, 2025-11-12", // Fri + 2 business days, skipping the 11th
            "2025-11-07T10:00:00Z, 2, BUSINESS, GB, 2025-11-11",
            "2025-01-30T10:00:00Z, 2, CALENDAR, FR, 2025-02-03", // month end: Sat 1 Feb → Mon 3
            "2025-12-30T10:00:00Z, 2, CALENDAR, FR, 2026-01-02", // year end: 1 Jan → Fri 2
            "2026-04-02T10:00:00Z, 1, CALENDAR, GB, 2026-04-07", // Good Friday and Easter Monday (GB)
            "2026-04-02T10:00:00Z, 1, CALENDAR, FR, 2026-04-03", // Good Friday is worked in France
            "2026-05-13T10:00:00Z, 1, CALENDAR, FR, 2026-05-15", // Ascension Thursday (Easter + 39)
            "2026-05-22T10:00:00Z, 1, CALENDAR, FR, 2026-05-26", // Sat → Mon 25 Whit Monday → Tue 26
            "2027-12-23T10:00:00Z, 2, CALENDAR, GB, 2027-12-29", // Christmas on Saturday: 27 and 28 off
            "2025-11-05T23:30:00Z, 0, CALENDAR, FR, 2025-11-06", // already Thursday in Paris
    })
    void dueDate_rollsOffWeekendsAndHolidaysOfTheCustomersCountry(String now, int days, DayCount unit,
                                                                  Country country, LocalDate expected) {
        FollowUpPlanner planner = at(now);
        ZoneId zone = country == Country.FR ? PARIS : LONDON;
        assertThat(planner.dueDate(new Delay(days, unit, false), zone, country, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "promised {0} ({1}) → checked {2}")
    @CsvSource({
            "2025-11-14, FR, 2025-11-17", // Friday → Monday
            "2025-11-10, FR, 2025-11-12", // Monday → Wednesday (Armistice)
            "2025-11-10, GB, 2025-11-11",
            "2025-12-31, FR, 2026-01-02",
            "2025-04-30, FR, 2025-05-02", // 1 May
    })
    void promise_isCheckedTheBusinessDayAfterThePromisedDate(LocalDate promised, Country country,
                                                              LocalDate expected) {
        FollowUpPlanner planner = at("2025-11-05T10:00:00Z");
        assertThat(planner.dueDate(new Delay(7, DayCount.CALENDAR, true), PARIS, country, promised))
                .isEqualTo(expected);
    }

    @Test
    void promise_withoutADate_fallsBackToTheRulesDelay() {
        FollowUpPlanner planner = at("2025-11-05T10:00:00Z");
        assertThat(planner.dueDate(new Delay(7, DayCount.CALENDAR, true), PARIS, Country.FR, null))
                .isEqualTo(LocalDate.of(2025, 11, 12));
    }

    @Test
    void due_isAtTheSendHourInTheCustomersZone_acrossDst() {
        FollowUpPlanner planner = at("2026-03-20T10:00:00Z");
        // winter time (UTC+1) before 29 March 2026, summer time (UTC+2) after
        assertThat(planner.at(LocalDate.of(2026, 3, 27), PARIS)).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
        assertThat(planner.at(LocalDate.of(2026, 3, 30), PARIS)).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(planner.at(LocalDate.of(2026, 3, 30), LONDON)).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(planner.at(LocalDate.of(2026, 10, 26), PARIS)).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void sendHourInADstGapMovesForward_andInAnOverlapTakesTheEarlierOffset() {
        FollowUpPlanner planner = new FollowUpPlanner(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"),
                ZoneOffset.UTC), LocalTime.of(2, 30));
        assertThat(planner.at(LocalDate.of(2025, 3, 30), PARIS)).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
        assertThat(planner.at(LocalDate.of(2025, 10, 26), PARIS)).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
    }

    @Test
    void dueInThePast_runsOneMinuteFromNow() {
        FollowUpPlanner planner = at("2025-11-05T10:00:00.500Z"); // 11:00 in Paris, send hour 09:00 is past
        assertThat(planner.due(Delay.calendar(0), PARIS, Country.FR, null))
                .isEqualTo(Instant.parse("2025-11-05T10:01:00Z"));
    }

    @Test
    void sameDayBeforeTheSendHour_runsAtTheSendHour() {
        FollowUpPlanner planner = at("2025-11-05T06:00:00Z");
        assertThat(planner.due(Delay.calendar(0), PARIS, Country.FR, null))
                .isEqualTo(Instant.parse("2025-11-05T08:00:00Z"));
    }
}
