package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateFinderTest {

    /** Wednesday, the corpus README's reference day. */
    private static final LocalDate TODAY = LocalDate.of(2025, 11, 5);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "je paie demain|2025-11-06",
        "will pay tomorrow|2025-11-06",
        "réglé cette semaine|2025-11-07",
        "paid this week|2025-11-07",
        "le virement partira vendredi prochain|2025-11-07",
        "payment on Friday week|2025-11-14",
        "d'ici la fin de la semaine prochaine|2025-11-14",
        "by the end of next week|2025-11-14",
        "je passe lundi faire le virement|2025-11-10",
        "règlement sous huitaine|2025-11-13",
        "within two weeks|2025-11-19",
        "within the next two weeks|2025-11-19",
        "paiement fin de mois|2025-11-30",
        "réglé fin novembre|2025-11-30",
        "by the end of the month|2025-11-30",
        "sous 30 jours|2025-12-05",
        "je vous règle le 15/12|2025-12-15",
        "payé mi-janvier|2026-01-15",
        "we can pay mid-January|2026-01-15",
        "we will pay next Tuesday|2025-11-11",
        "nous payerons le 5.|2025-12-05",
        "el pago saldrá con la remesa del día 20.|2025-11-20",
        "verrà pagata entro il 28, come concordato|2025-11-28",
        "on December 1st|2025-12-01",
        "le 10 décembre|2025-12-10",
        "le 28/11/2025|2025-11-28",
        "on 2025-12-12|2025-12-12",
        "sous 8 jours|2025-11-13",
        "PAIEMENT FIN DE MOIS (sans accents)|2025-11-30",
        "paiement debut decembre|2025-12-05",
        "d'ici le 25|2025-11-25",
        "le 25.11.2025|2025-11-25",
        "by the 25th of this month|2025-11-25",
        "avant le 20 novembre|2025-11-20",
        "virement mardi 18|2025-11-18",
        "on Tuesday 18th|2025-11-18",
        "payé semaine 48|2025-11-28",
        "early next month|2025-12-05",
        "in a fortnight|2025-11-19",
        "dans 10 jours|2025-11-15",
        "we'll settle up a week tomorrow|2025-11-13",
        "quedará abonada antes de que termine el mes|2025-11-30",
        "pagheremo a fine mese|2025-11-30",
        "Zahlung zum Monatsende|2025-11-30",
        "signs off on the first Wednesday of each month, so it goes out on 3 December|2025-12-03"})
    void resolvesRelativeDatesAgainstTheReceivedDay(String text, LocalDate expected) {
        List<DateFinder.Found> found = DateFinder.find(Fold.fold(text), TODAY, false);

        assertThat(found).extracting(DateFinder.Found::date).first().isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "check run on 11/20|true|2025-11-20",
        "paid on 31/10|false|2025-10-31",
        "virement du 03/11|false|2025-11-03"})
    void readsNumericDatesInTheWritersConvention(String text, boolean monthFirst, LocalDate expected) {
        assertThat(DateFinder.find(Fold.fold(text), TODAY, monthFirst)).extracting(DateFinder.Found::date)
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "14,20 € HT l'unité",
        "prix 12.80 EUR",
        "pas de date ici"})
    void ignoresAmountsAndPlainText(String text) {
        assertThat(DateFinder.find(Fold.fold(text), TODAY, false)).isEmpty();
    }
}
