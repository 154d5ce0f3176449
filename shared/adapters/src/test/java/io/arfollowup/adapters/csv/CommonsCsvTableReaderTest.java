package io.arfollowup.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.port.TableReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommonsCsvTableReaderTest {

    private final CommonsCsvTableReader reader = new CommonsCsvTableReader();

    private TableReader.Table read(byte[] bytes) throws Exception {
        return reader.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] withBom(String s) {
        byte[] body = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    @Test
    void excelsUtf8WithBom_andSemicolons_normalisedColumns_andLineNumbers() throws Exception {
        TableReader.Table t = read(withBom("Customer ID;Number;Amount;Due-Date\r\n"
                + "cafe;FA-1;1 234,56;2025-11-07\r\n\r\n"
                + "cafe;\"FA-2\";\"12,00\";\r\n"));

        assertThat(t.byteOrderMark()).isTrue();
        assertThat(t.separator()).isEqualTo(';');
        assertThat(t.charset()).isEqualTo("UTF-8");
        assertThat(t.columns()).containsExactly("customer_id", "number", "amount", "due_date");
        assertThat(t.rows()).extracting(TableReader.Row::line).containsExactly(2L, 4L);
        assertThat(t.rows().get(0).get("amount")).isEqualTo("1 234,56");
        assertThat(t.rows().get(1).get("due_date")).isNull();
    }

    @Test
    void commasWithQuotedValues_andAValueOverTwoLines() throws Exception {
        TableReader.Table t = read(("email,status,items,comment\n"
                + "a.eml,ALREADY_PAID,FA-1,\"Paid 3 Nov, GBP 1,872.00\"\n"
                + "b.eml,NO_ACTION,,\"two\nlines\"\n"
                + "c.eml,NO_ACTION,,x\n").getBytes(StandardCharsets.UTF_8));

        assertThat(t.separator()).isEqualTo(',');
        assertThat(t.byteOrderMark()).isFalse();
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).get("comment")).isEqualTo("Paid 3 Nov, GBP 1,872.00");
        assertThat(t.rows()).extracting(TableReader.Row::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    void windows1252_isReadAsSuch_andSaysSo() throws Exception {
        TableReader.Table t = read("id;name\nc1;Café des Canuts\n".getBytes(Charset.forName("windows-1252")));

        assertThat(t.charset()).isEqualTo("windows-1252");
        assertThat(t.rows().get(0).get("name")).isEqualTo("Café des Canuts");
    }

    @Test
    void aRowWithMoreValuesThanColumns_isAProblemWithItsLine_theOthersStillCome() throws Exception {
        TableReader.Table t = read("a,b\n1,2\n1,2,3\n4,5\n".getBytes(StandardCharsets.UTF_8));

        assertThat(t.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
        assertThat(t.rows()).extracting(r -> r.get("a")).containsExactly("1", "4");
    }

    @Test
    void tabs() throws Exception {
        assertThat(read("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8)).separator()).isEqualTo('\t');
    }
}
