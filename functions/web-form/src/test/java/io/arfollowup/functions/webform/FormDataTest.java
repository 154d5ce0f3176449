package io.arfollowup.functions.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.adapters.http.HttpEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDataTest {

    private static HttpEvent post(String type, byte[] body) {
        return new HttpEvent("POST", "/r/x", "", Map.of("content-type", type), body, null);
    }

    @Test
    void urlEncodedBodies_areDecoded_andBrokenPairsSkipped() throws Exception {
        FormData f = FormData.parse(post("application/x-www-form-urlencoded",
                "comment=caf%C3%A9+%26+cr%C3%A8me&c0=WILL_PAY&bad=%ZZ&c0=IN_PAYMENT".getBytes(StandardCharsets.UTF_8)),
                100);
        assertThat(f.first("comment")).isEqualTo("café & crème");
        assertThat(f.fields().get("c0")).containsExactly("WILL_PAY", "IN_PAYMENT");
        assertThat(f.fields()).doesNotContainKey("bad");
    }

    @Test
    void multipartBodies_giveFieldsInUtf8_andFilesWithTheNameTheBrowserSent() throws Exception {
        WebFormWorld.Multipart m = new WebFormWorld.Multipart().field("comment", "réglé le 3 ✓")
                .file("files", "C:\\fakepath\\avis %22final%22.pdf", "application/pdf", WebFormWorld.PDF)
                .file("files", "", "application/octet-stream", new byte[0]);
        FormData f = FormData.parse(post(m.contentType(), m.bytes()), 10_000);
        assertThat(f.first("comment")).isEqualTo("réglé le 3 ✓");
        assertThat(f.files()).hasSize(2);
        assertThat(f.files().get(0).claimedName()).isEqualTo("C:\\fakepath\\avis \"final\".pdf");
        assertThat(f.files().get(0).content()).isEqualTo(WebFormWorld.PDF);
        assertThat(f.filesDropped()).isFalse();
    }

    @Test
    void aBodyOverTheLimit_keepsItsFields_andDropsItsFiles() throws Exception {
        WebFormWorld.Multipart m = new WebFormWorld.Multipart().field("c0", "SEND_COPY")
                .file("files", "big.pdf", "application/pdf", new byte[5000]);
        FormData f = FormData.parse(post(m.contentType(), m.bytes()), 1000);
        assertThat(f.first("c0")).isEqualTo("SEND_COPY");
        assertThat(f.files()).isEmpty();
        assertThat(f.filesDropped()).isTrue();
    }

    @Test
    void garbage_isAnEmptyForm_notAnError() throws Exception {
        FormData f = FormData.parse(post("multipart/form-data; boundary=zzz", "not multipart".getBytes()), 1000);
        assertThat(f.fields()).isEmpty();
        assertThat(FormData.parse(post("multipart/form-data", new byte[0]), 1000).fields()).isEmpty();
    }
}
