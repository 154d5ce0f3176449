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

    @ParameterizedTest(name = "qualified {0}, {1} {2} days in {3} → {4} UTC")
    @CsvSource({
            // the due instant itself: the send hour in the customer's zone, whatever the offset that day
            "2026-03-26T10:00:00Z, 3, CALENDAR, FR, 2026-03-30T07:00:00Z", // Thu → Sun 29 (DST starts) → Mon, UTC+2
            "2026-03-26T10:00:00Z, 3, CALENDAR, GB, 2026-03-30T08:00:00Z", // London, BST (UTC+1) from 29 March
            "2026-10-22T10:00:00Z, 3, CALENDAR, FR, 2026-10-26T08:00:00Z", // Sun 25 DST ends → Mon, UTC+1
            "2026-10-23T10:00:00Z, 1, BUSINESS, GB, 2026-10-26T09:00:00Z", // Fri + 1 business day, GMT again
            "2026-01-30T10:00:00Z, 1, CALENDAR, FR, 2026-02-02T08:00:00Z", // month end: Sat 31 → Mon 2 Feb
            "2024-02-28T10:00:00Z, 1, CALENDAR, FR, 2024-02-29T08:00:00Z", // leap day is a Thursday
            "2026-04-30T10:00:00Z, 1, CALENDAR, FR, 2026-05-04T07:00:00Z", // 1 May Friday (FR) → Mon 4
            "2026-04-30T10:00:00Z, 1, CALENDAR, GB, 2026-05-01T08:00:00Z", // ... worked in England
            "2026-04-30T10:00:00Z, 4, CALENDAR, GB, 2026-05-05T08:00:00Z", // Mon 4 May early May bank holiday
            "2026-12-23T10:00:00Z, 2, CALENDAR, GB, 2026-12-29T09:00:00Z", // Christmas Fri, Boxing Day → Mon 28
            "2026-12-23T10:00:00Z, 2, CALENDAR, FR, 2026-12-28T08:00:00Z", // only the 25th in France
            "2026-05-21T10:00:00Z, 2, BUSINESS, FR, 2026-05-26T07:00:00Z", // Thu + 2 business days: Fri, (Whit Monday) Tue
            "2026-12-31T10:00:00Z, 1, BUSINESS, GB, 2027-01-04T09:00:00Z", // New Year, year change, weekend
    })
    void dueInstant_tableOfWeekendsHolidaysDstAndMonthEnds(String now, int days, DayCount unit, Country country,
                                                          Instant expected) {
        ZoneId zone = country == Country.FR ? PARIS : LONDON;
        assertThat(at(now).due(new Delay(days, unit, false), zone, country, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "promised {0} in {1} → checked at {2}")
    @CsvSource({
            "2026-03-27, FR, 2026-03-30T07:00:00Z", // Friday before DST → Monday 09:00 CEST
            "2026-04-02, GB, 2026-04-07T08:00:00Z", // Thursday → Good Friday, Easter Monday → Tuesday
            "2026-07-13, FR, 2026-07-15T07:00:00Z", // Monday → 14 July → Wednesday
            "2026-08-31, FR, 2026-09-01T07:00:00Z", // month end → 1 September
    })
    void promise_checkInstant(LocalDate promised, Country country, Instant expected) {
        ZoneId zone = country == Country.FR ? PARIS : LONDON;
        assertThat(at("2026-03-01T10:00:00Z").due(new Delay(7, DayCount.CALENDAR, true), zone, country, promised))
                .isEqualTo(expected);
    }

    @Test
    void aPromisedDateAlreadyPast_runsOneMinuteFromNow() {
        assertThat(at("2026-03-20T10:00:00Z").due(new Delay(7, DayCount.CALENDAR, true), PARIS, Country.FR,
                LocalDate.of(2026, 3, 2))).isEqualTo(Instant.parse("2026-03-20T10:01:00Z"));
    }

    @Test
    void postpone_countsFromToday_andRollsToABusinessDay() {
        FollowUpPlanner planner = at("2026-05-07T10:00:00Z"); // Thursday
        assertThat(planner.postponed(1, PARIS, Country.FR)).isEqualTo(Instant.parse("2026-05-11T07:00:00Z")); // Fri 8 May
        assertThat(planner.postponed(1, LONDON, Country.GB)).isEqualTo(Instant.parse("2026-05-08T08:00:00Z"));
        assertThat(planner.postponed(7, PARIS, Country.FR)).isEqualTo(Instant.parse("2026-05-15T07:00:00Z")); // Ascension 14
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> planner.postponed(0, PARIS, Country.FR))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
