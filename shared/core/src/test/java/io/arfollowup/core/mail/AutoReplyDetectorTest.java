package io.arfollowup.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplyDetectorTest {

    private final AutoReplyDetector detector = new AutoReplyDetector();

    private static MailHeaders headers(Map<String, String> h) {
        return name -> h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .toList();
    }

    @Test
    void isAutoReply_rfc3834AndVendorHeaders() {
        assertThat(detector.isAutoReply(headers(Map.of("Auto-Submitted", "auto-replied (vacation)")), "Re: x")).isTrue();
        assertThat(detector.isAutoReply(headers(Map.of("Auto-Submitted", "auto-generated")), "x")).isTrue();
        assertThat(detector.isAutoReply(headers(Map.of("Auto-Submitted", "no")), "x")).isFalse();
        assertThat(detector.isAutoReply(headers(Map.of("X-Autoreply", "yes")), "x")).isTrue();
        assertThat(detector.isAutoReply(headers(Map.of("X-Autorespond", "x")), "x")).isTrue();
        assertThat(detector.isAutoReply(headers(Map.of("X-Auto-Response-Suppress", "All")), "x")).isTrue();
        assertThat(detector.isAutoReply(headers(Map.of("Return-Path", "<>")), "x")).isTrue();
        assertThat(detector.isAutoReply(headers(Map.of("Precedence", "auto_reply")), "x")).isTrue();
    }

    @Test
    void isAutoReply_mailingListPrecedenceAlone_isAHuman() {
        assertThat(detector.isAutoReply(headers(Map.of("Precedence", "list", "List-Id", "<a.example>")), "Re: Relance"))
                .isFalse();
        assertThat(detector.isAutoReply(headers(Map.of("Precedence", "bulk")), "Re: Relance")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Réponse automatique : Relance", "Automatic reply: Reminder", "Auto: Relance",
        "Absence : Relance", "Out of Office: Reminder", "Abwesenheitsnotiz: Mahnung", "Automatische Antwort: Mahnung",
        "Respuesta automática: Factura", "Risposta automatica: Fattura", "[EXT] Automatic reply: Reminder",
        "Out of Office AutoReply: Reminder", "Undeliverable: Relance", "Non remis : Relance", "failure notice"})
    void isAutoReply_subjectPrefixes(String subject) {
        assertThat(detector.isAutoReply(headers(Map.of()), subject)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Re: Absence de paiement", "Absence de règlement sur FA-1", "RE: Automatic reply needed?",
        "Re: Relance : facture FA-2025-00412"})
    void isAutoReply_humanSubjects(String subject) {
        assertThat(detector.isAutoReply(headers(Map.of()), subject)).isFalse();
    }

    @Test
    void isAutoReply_mailerDaemonSender() {
        assertThat(detector.isAutoReply(headers(Map.of("From", "MAILER-DAEMON@mx1.example (Mail Delivery System)")), "x"))
                .isTrue();
        assertThat(detector.isAutoReply(headers(Map.of("From", "Postmaster <postmaster@client.example>")), "x")).isTrue();
        assertThat(detector.isAutoReply(headers(Map.of("From", "Jean Postmaster <jean@client.example>")), "x")).isFalse();
    }

    @Test
    void isAutoReply_namesAreCaseInsensitive() {
        MailHeaders h = name -> name.toLowerCase(Locale.ROOT).equals("auto-submitted") ? List.of("Auto-Replied") : List.of();
        assertThat(detector.isAutoReply(h, "x")).isTrue();
    }
}
