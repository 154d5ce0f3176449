package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TyposTest {

    private final Typos typos = new Typos();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "paiment effectué, paiement effectué",
        "le virrement part, le virement part",
        "la facutre 12, la facture 12",
        "we recieved it, we received it",
        "delivery was dammaged, delivery was damaged"})
    void readsTypingSlipsOfKeyWordsAsTheKeyWord(String text, String expected) {
        assertThat(typos.correct(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "la facture a été facturée deux fois",
        "contestée par notre service",
        "en son absence",
        "chaque mois",
        "nous ferons le nécessaire"})
    void leavesRealWordsAndInflectionsAlone(String text) {
        assertThat(typos.correct(text)).isEqualTo(text);
    }
}
