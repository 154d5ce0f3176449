package io.arfollowup.functions.webform;

import io.arfollowup.adapters.http.HttpEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A posted form: {@code application/x-www-form-urlencoded} or {@code multipart/form-data} (parsed with Angus
 * Mail's MimeMultipart — the same MIME parser as the inbound mail). The body is already base64-decoded by
 * {@link HttpEvent}. Files are kept only when the whole request is within the page's limit; above it
 * {@link #filesDropped()} says so and the other fields are still read (the form comes back with them).
 */
public record FormData(Map<String, List<String>> fields, List<FilePart> files, boolean filesDropped) {

    /** One file input's content: the field, the name the browser claimed (shown only) and the bytes. */
    public record FilePart(String field, String claimedName, byte[] content) {
    }

    /** A body too large even to read (far above the page's limit; API Gateway refuses these anyway). */
    public static final class TooLarge extends Exception {
        TooLarge(long size) {
            super("request body of " + size + " bytes");
        }
    }

    public static final long HARD_LIMIT = 12L * 1024 * 1024;

    public String first(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    public static FormData parse(HttpEvent request, long fileLimit) throws TooLarge {
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > HARD_LIMIT) {
            throw new TooLarge(body.length);
        }
        String type = request.header("content-type");
        String base = type == null ? "" : type.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        if (base.equals("multipart/form-data")) {
            return multipart(body, type, body.length > fileLimit);
        }
        return new FormData(urlEncoded(new String(body, StandardCharsets.UTF_8)), List.of(), false);
    }

    static Map<String, List<String>> urlEncoded(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                String key = URLDecoder.decode(k, StandardCharsets.UTF_8);
                String value = URLDecoder.decode(v, StandardCharsets.UTF_8);
                out.computeIfAbsent(key, x -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformed) {
                // a broken %-escape: skip that pair, keep the rest
            }
        }
        return out;
    }

    /**
     * A parameter of a form-data Content-Disposition as browsers write it (HTML spec): quotes and line breaks are
     * percent-encoded, backslashes sent as they are — so not MIME's quoted-string, where '\\' escapes (an old
     * browser's "C:\\fakepath\\x.pdf" would lose its separators). Falls back to the MIME parser for unquoted values.
     */
    static String param(String header, String name) {
        Matcher m = Pattern.compile("(?:^|;)\\s*" + name + "\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
                .matcher(header);
        if (m.find()) {
            return m.group(1).replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
        }
        try {
            return new ContentDisposition(header).getParameter(name);
        } catch (jakarta.mail.internet.ParseException e) {
            return null;
        }
    }

    private static FormData multipart(byte[] body, String contentType, boolean dropFiles) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<FilePart> files = new ArrayList<>();
        boolean dropped = false;
        try {
            String boundary = new ContentType(contentType).getParameter("boundary");
            if (boundary == null || boundary.isEmpty()) {
                return new FormData(fields, files, false);
            }
            MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                String[] cd = part.getHeader("Content-Disposition");
                if (cd == null || cd.length == 0) {
                    continue;
                }
                String name = param(cd[0], "name");
                if (name == null) {
                    continue;
                }
                String filename = param(cd[0], "filename");
                byte[] content;
                try (InputStream in = part.getInputStream()) {
                    content = in.readAllBytes();
                }
                if (filename != null) {
                    if (dropFiles) {
                        dropped |= content.length > 0;
                        continue;
                    }
                    files.add(new FilePart(name, filename, content));
                } else {
                    fields.computeIfAbsent(name, x -> new ArrayList<>())
                            .add(new String(content, StandardCharsets.UTF_8));
                }
            }
        } catch (MessagingException | IOException e) {
            // a body that is not the multipart it claims: what was read is kept, the rest is as if not sent
        }
        return new FormData(fields, files, dropped);
    }
}
