package io.arfollowup.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.Country;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25"})
    void easterSunday(int year, LocalDate expected) {
        assertThat(BusinessCalendar.easterSunday(year)).isEqualTo(expected);
    }

    @Test
    void france_hasElevenNationalHolidays() {
        assertThat(BusinessCalendar.of(Country.FR).holidays(2026)).containsExactlyInAnyOrder(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 8), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 7, 14), LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 11), LocalDate.of(2026, 12, 25));
    }

    @Test
    void englandAndWales_bankHolidaysWithSubstituteDays() {
        assertThat(BusinessCalendar.of(Country.GB).holidays(2022)).containsExactlyInAnyOrder(
                LocalDate.of(2022, 1, 3), LocalDate.of(2022, 4, 15), LocalDate.of(2022, 4, 18),
                LocalDate.of(2022, 5, 2), LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3),
                LocalDate.of(2022, 8, 29), LocalDate.of(2022, 9, 19), LocalDate.of(2022, 12, 26),
                LocalDate.of(2022, 12, 27));
        assertThat(BusinessCalendar.of(Country.GB).holidays(2026)).containsExactlyInAnyOrder(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
    }
}
