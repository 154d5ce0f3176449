package io.arfollowup.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportValuesTest {

    @ParameterizedTest(name = "''{0}'' in a ''{1}'' file = {2}")
    @CsvSource(delimiter = '|', value = {
            "1 234,56|;|1234.56",
            "1\u00a0234,56|;|1234.56",
            "1\u202f234,56|;|1234.56",
            "1.234,56|;|1234.56",
            "1,234.56|,|1234.56",
            "1234.56|,|1234.56",
            "1234,5|;|1234.5",
            "1,234|,|1234",
            "-96,00|;|-96.00",
            "96,00-|;|-96.00",
            "(96,00)|;|-96.00",
            "€ 2 316,00|;|2316.00",
            "GBP 1,872.00|,|1872.00",
            "+12|,|12",
            "1.234.567,89|;|1234567.89"})
    void amounts_inBothConventions(String raw, char separator, String expected) {
        assertThat(ImportValues.amount(raw, separator)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12,345,67", "1.2.3", "1,2345.6.7", "12.345", "--", "1,234.567"})
    void notAmounts_areRefusedWithTheValueInTheReason(String raw) {
        assertThatThrownBy(() -> ImportValues.amount(raw, ','))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(raw.trim());
    }

    @org.junit.jupiter.api.Test
    void inASemicolonFile_aCommaIsTheDecimalMark_soThreeDecimalsAreRefused() {
        assertThatThrownBy(() -> ImportValues.amount("1,234", ';')).hasMessageContaining("more than 2 decimals");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025-11-07,2025-11-07", "07/11/2025,2025-11-07", "7.11.2025,2025-11-07", "{today},2025-11-05",
            "{today-30},2025-10-06", "{today+7},2025-11-12", "2025-11-07T10:00:00Z,2025-11-07"})
    void dates(String raw, LocalDate expected) {
        assertThat(ImportValues.date(raw, LocalDate.of(2025, 11, 5))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2025", "11-07-25", "tomorrow", "2025-13-01"})
    void notDates_areRefused(String raw) {
        assertThatThrownBy(() -> ImportValues.date(raw, LocalDate.of(2025, 11, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compta", "a@b", "two words@x.example"})
    void notEmails_areRefused(String raw) {
        assertThatThrownBy(() -> ImportValues.email(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void everyImportTextExistsInFrenchAndEnglish() {
        ImportTexts.all().forEach((k, v) -> {
            assertThat(v).as(k).hasSize(2);
            assertThat(v[0]).as(k).isNotBlank();
            assertThat(v[1]).as(k).isNotBlank();
        });
        ImportTexts.Invalid e = new ImportTexts.Invalid("not_amount", "abc");
        assertThat(e.getMessage()).isEqualTo("not an amount: 'abc'");
        assertThat(e.in(io.arfollowup.core.domain.Language.FR)).isEqualTo("montant illisible : « abc »");
    }
}
