package io.arfollowup.adapters.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMainTest {

    @TempDir
    Path dir;

    @Test
    void scoresAFileOfLabelledRepliesAndEndsWithTheSummaryLine() throws Exception {
        Path file = dir.resolve("replies.jsonl");
        Files.write(file, List.of(
                "{\"id\":\"t-1\",\"lang\":\"fr\",\"channel\":\"email\",\"subject\":\"RE: Relance FA-2025-00001\","
                        + "\"text\":\"Nous réglerons la facture le 14/11.\\n\\nLe 4 nov. 2025, X <x@y.fr> a écrit :\\n"
                        + "> En cas de litige merci de nous contacter.\",\"status\":\"PAYMENT_PROMISE\","
                        + "\"invoice_refs\":[\"FA-2025-00001\"],\"promised_date\":\"2025-11-14\",\"amount\":null,"
                        + "\"currency\":null}",
                "{\"id\":\"t-2\",\"lang\":\"en\",\"channel\":\"web_form\",\"subject\":null,"
                        + "\"text\":\"Paid on 30 October by BACS, £1,200.00.\",\"status\":\"ALREADY_PAID\","
                        + "\"invoice_refs\":[],\"promised_date\":null,\"amount\":1200.0,\"currency\":\"GBP\"}"),
                StandardCharsets.UTF_8);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EvalMain.main(new String[] {file.toString()});
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).anyMatch(l -> l.startsWith("invoice-reference F1: 1.000"));
        assertThat(lines).anyMatch(l -> l.startsWith("promised-date exact match: 1.000"));
        assertThat(lines).anyMatch(l -> l.startsWith("amount exact match: 1.000"));
        assertThat(lines).anyMatch(l -> l.startsWith("confusion"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("eval: top1=1.000 top3=1.000 n=2");
    }
}
