package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountFinderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nous réglerons 1 250,00 € le 15|1250|EUR",
        "soit 2\u202f145,60\u00a0€|2145.6|EUR",
        "un virement de 1.234,56 EUR|1234.56|EUR",
        "EUR 980,00 par virement|980|EUR",
        "total €2,980.00 in a single transfer|2980|EUR",
        "paid £1,156.80 by BACS|1156.8|GBP",
        "the outstanding balance of $4,100|4100|USD",
        "the quote was EUR 3,400|3400|EUR",
        "500€ par mois|500|EUR",
        "980 euros|980|EUR",
        "190 GBP|190|GBP",
        "EUR1,250 due|1250|EUR",
        "le solde de 15 k€|15000|EUR",
        "we owe £3k|3000|GBP",
        "4 200 $ en deux fois|4200|USD",
        "450€/mois à partir de janvier|450|EUR"})
    void readsBothNumberConventions(String text, BigDecimal value, String currency) {
        AmountFinder.Found found = AmountFinder.best(AmountFinder.find(Fold.fold(text)));

        assertThat(found.value()).isEqualByComparingTo(value);
        assertThat(found.currency()).isEqualTo(currency);
    }

    @Test
    void prefersTheDisputedDifferenceOverUnitPrices() {
        String text = "Prix facturé 14,20 € HT au lieu de 12,80 € HT, soit un écart de 168,00 € HT sur la commande.";

        assertThat(AmountFinder.best(AmountFinder.find(Fold.fold(text))).value()).isEqualByComparingTo("168");
    }

    @Test
    void skipsPerUnitRatesAndPrefersTheInstalment() {
        String text = "The rate is $145/user/month. We propose $4,200 on Dec 1 and $4,200 on Jan 2.";

        AmountFinder.Found found = AmountFinder.best(AmountFinder.find(Fold.fold(text)));

        assertThat(found.value()).isEqualByComparingTo("4200");
        assertThat(found.currency()).isEqualTo("USD");
    }

    @Test
    void aUnitPriceOrHourlyRateIsNoAmountButTheTotalAfterItIs() {
        assertThat(AmountFinder.find(Fold.fold("le prix unitaire facturé (42 €) ne correspond pas au devis (36 €)")))
                .isEmpty();
        assertThat(AmountFinder.find(Fold.fold("le tarif horaire est passé de 65 à 78 € sans préavis"))).isEmpty();
        assertThat(AmountFinder.find(Fold.fold("vereinbart waren 45 € pro Stück, berechnet wurden 52 €"))).isEmpty();
        assertThat(AmountFinder.best(AmountFinder.find(Fold.fold(
                "tarif horaire de 65 € au lieu de 60 €, soit 80 € de trop sur 16 h"))).value())
                .isEqualByComparingTo("80");
    }

    @Test
    void withoutCurrencyThereIsNoAmount() {
        assertThat(AmountFinder.find(Fold.fold("Facture 104563, 3 colis, commande 4500"))).isEmpty();
    }
}
