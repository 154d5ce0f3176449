package io.arfollowup.functions.webform.internal;

import io.arfollowup.adapters.http.HttpEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A posted form: {@code application/x-www-form-urlencoded} or {@code multipart/form-data} (parsed with jakarta-mail's
 * MIME multipart, a well-kept parser), from the already base64-decoded body of the HTTP API event. Fields are
 * capped; one file at most is kept.
 */
record FormData(Map<String, String> fields, String fileName, String fileType, byte[] file) {

    static final int MAX_FIELD = 20_000;

    static FormData parse(HttpEvent request) throws IOException {
        String type = request.header("content-type");
        byte[] body = request.body() == null ? new byte[0] : request.body();
        Map<String, String> fields = new LinkedHashMap<>();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            try {
                MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, type));
                String fileName = null;
                String fileType = null;
                byte[] file = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    String[] disposition = part.getHeader("Content-Disposition");
                    if (disposition == null || disposition.length == 0) {
                        continue;
                    }
                    ContentDisposition cd = new ContentDisposition(disposition[0]);
                    String name = cd.getParameter("name");
                    String filename = cd.getParameter("filename");
                    byte[] bytes = part.getInputStream().readAllBytes();
                    if (filename != null) {
                        if (file == null && bytes.length > 0) {
                            fileName = filename;
                            fileType = part.getContentType();
                            file = bytes;
                        }
                    } else if (name != null) {
                        fields.put(name, cap(new String(bytes, StandardCharsets.UTF_8)));
                    }
                }
                return new FormData(fields, fileName, fileType, file);
            } catch (MessagingException e) {
                throw new IOException("unreadable multipart form", e);
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(k, cap(v));
            } catch (IllegalArgumentException badEscape) {
                // a mangled field is dropped, the form comes back with its message
            }
        }
        return new FormData(fields, null, null, null);
    }

    String field(String name) {
        String v = fields.get(name);
        return v == null ? "" : v;
    }

    private static String cap(String s) {
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
    }
}
