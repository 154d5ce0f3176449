package io.arfollowup.adapters.mail;

import io.arfollowup.core.domain.AttachmentRef;
import io.arfollowup.core.domain.ResponseFlag;
import io.arfollowup.core.mail.AutoReplyDetector;
import io.arfollowup.core.mail.FlowedText;
import io.arfollowup.core.mail.InvoiceRefFinder;
import io.arfollowup.core.mail.LanguageDetector;
import io.arfollowup.core.mail.MailAddress;
import io.arfollowup.core.mail.MailHeaders;
import io.arfollowup.core.mail.MailText;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.mail.ReplyExtractor;
import io.arfollowup.core.port.AttachmentSink;
import io.arfollowup.core.port.MailReader;
import io.arfollowup.core.usecase.StoringAttachmentSink;
import jakarta.activation.DataSource;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw message with Angus Mail, streamed from the file ({@link SharedFileInputStream}: parts are windows on
 * the file, a 25 MB attachment is never held in memory). Headers are kept byte-for-byte and decoded here (UTF-8 when
 * valid, else windows-1252; lenient RFC 2047), bodies through {@link Charsets}; multipart boundaries that do not
 * match their parameter are rediscovered; HTML-only mail goes through {@link HtmlText}; the text rules live in core
 * ({@link ReplyExtractor}, {@link AutoReplyDetector}, {@link InvoiceRefFinder}, {@link LanguageDetector}).
 * Never throws: what cannot be read is flagged MALFORMED and the rest is returned.
 */
public final class AngusMailReader implements MailReader {

    static {
        MailSystemProperties.apply();
    }

    /** Text bodies beyond this are cut (the raw message stays in S3): a reply is never this long. */
    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
    private static final int MAX_DEPTH = 40;
    private static final Pattern CID = Pattern.compile("cid:([^\"'\\s>)]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>(),;:\"\\[\\]]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");

    private final Session session;
    private final ReplyExtractor extractor = new ReplyExtractor();
    private final InvoiceRefFinder refFinder;
    private final LanguageDetector languages = new LanguageDetector();
    private final AutoReplyDetector autoReplies = new AutoReplyDetector();

    public AngusMailReader() {
        this(new InvoiceRefFinder());
    }

    public AngusMailReader(InvoiceRefFinder refFinder) {
        Properties props = new Properties();
        // headers stay one char per byte: we decode them ourselves (UTF-8 when valid, else windows-1252)
        props.setProperty("mail.mime.allowutf8", "false");
        this.session = Session.getInstance(props);
        this.refFinder = refFinder == null ? new InvoiceRefFinder() : refFinder;
    }

    /** Extra invoice patterns from {@code INVOICE_REF_PATTERNS} (one regex per line or separated by ";;"). */
    public static AngusMailReader fromEnvironment() {
        return new AngusMailReader(InvoiceRefFinder.fromConfig(System.getenv("INVOICE_REF_PATTERNS")));
    }

    @Override
    public ReadMail read(Path rawMime, AttachmentSink attachments) {
        Set<ResponseFlag> flags = EnumSet.noneOf(ResponseFlag.class);
        try (SharedFileInputStream in = new SharedFileInputStream(rawMime.toFile())) {
            MimeMessage message = new MimeMessage(session, in);
            return new Reading(message, attachments, flags).read();
        } catch (IOException | MessagingException | RuntimeException | StackOverflowError e) {
            flags.add(ResponseFlag.MALFORMED);
            return new ReadMail(null, null, null, List.of(), null, null, "", "", null, false, false, List.of(),
                    List.of(), List.of(), flags);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private enum Role { BODY, ALTERNATIVE_TEXT, ATTACHMENT, REPORT_TEXT, IGNORED }

    private record Leaf(Part part, Type type, String filename, String disposition, String contentId, Role role,
                        boolean inRelated) {
    }

    /** A parsed Content-Type: base type in lower case and parameters (lower-case names). */
    record Type(String primary, String sub, Map<String, String> params) {
        String base() {
            return primary + "/" + sub;
        }

        String param(String name) {
            return params.get(name);
        }

        boolean is(String base) {
            return base().equals(base);
        }
    }

    private final class Reading {
        final MimeMessage message;
        final AttachmentSink sink;
        final Set<ResponseFlag> flags;
        final List<Leaf> leaves = new ArrayList<>();
        final List<String> bounced = new ArrayList<>();
        boolean bounce;
        boolean machineReport;

        Reading(MimeMessage message, AttachmentSink sink, Set<ResponseFlag> flags) {
            this.message = message;
            this.sink = sink == null ? AttachmentSink.DISCARD : sink;
            this.flags = flags;
        }

        ReadMail read() {
            Headers headers = Headers.of(message);
            String subject = clean(EncodedWords.decode(headers.first("Subject")));
            MailAddress from = first(addresses(headers.all("From")));
            List<MailAddress> recipients = new ArrayList<>();
            for (String name : List.of("To", "Cc", "X-Original-To", "Delivered-To")) {
                recipients.addAll(addresses(headers.all(name)));
            }
            Instant sentAt = sentAt();
            if (!headers.has("From") && !headers.has("Date") && !headers.has("Message-ID")) {
                // none of the headers every mail client writes: not a message (random bytes, a truncated
                // upload); whatever text is found is still shown, but a collector must know
                flags.add(ResponseFlag.MALFORMED);
            }

            String fullText = "";
            String source = "";
            List<AttachmentRef> stored = new ArrayList<>();
            List<AttachmentRef> contained = new ArrayList<>();
            try {
                walk(message, 0, false, false, false);
                Set<String> cids = cidReferences();
                StringBuilder full = new StringBuilder();
                StringBuilder src = new StringBuilder();
                boolean forward = subject != null && subject.matches("(?i)^\\s*(fwd?|tr|wg|rv|enc|i)\\s*:.*");
                for (Leaf leaf : leaves) {
                    if (leaf.role == Role.BODY || leaf.role == Role.REPORT_TEXT) {
                        String text = text(leaf);
                        boolean html = leaf.type.is("text/html");
                        append(full, html ? HtmlText.full(text) : text);
                        append(src, html ? (forward ? HtmlText.full(text) : HtmlText.withoutHistory(text)) : text);
                    }
                }
                fullText = MailText.tidy(full.toString());
                source = src.toString();
                int index = 0;
                for (Leaf leaf : leaves) {
                    if (leaf.role != Role.ATTACHMENT) {
                        continue;
                    }
                    if (leaf.contentId != null && cids.contains(leaf.contentId)) {
                        continue; // an image the HTML shows inline (signature logo)
                    }
                    if (leaf.filename == null && !"attachment".equals(leaf.disposition)
                            && (leaf.inRelated || leaf.type.primary.equals("text"))) {
                        continue;
                    }
                    index++;
                    String name = safeName(leaf.filename, index, leaf.type.base(), leaf.part);
                    try {
                        store(leaf, name, stored, contained);
                    } catch (IOException | MessagingException | RuntimeException undecodable) {
                        // the transfer encoding is broken: keep the bytes as they came, never lose the file
                        flags.add(ResponseFlag.MALFORMED);
                        try (InputStream raw = raw(leaf.part)) {
                            stored.add(sink.store(name, leaf.type.base(), raw));
                        }
                    }
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                flags.add(ResponseFlag.MALFORMED);
                if (fullText.isEmpty()) {
                    fullText = MailText.tidy(source);
                }
            }

            boolean autoReply = bounce || machineReport || autoReplies.isAutoReply(headers, subject);
            String newText;
            if (bounce || machineReport) {
                newText = MailText.tidy(source);
            } else {
                ReplyExtractor.Result r = extractor.extract(source, new ReplyExtractor.Context(subject,
                        from == null ? null : from.displayName(), from == null ? null : from.address()));
                newText = r.newText();
                if (r.forwarded()) {
                    flags.add(ResponseFlag.FORWARDED);
                }
            }
            String language = languages.detect(newText);
            if (language == null) {
                language = languages.detect(stripPrefixes(subject));
            }
            if (language == null) {
                language = LanguageDetector.OTHER;
            }
            List<String> refs = refFinder.find(subject, newText);
            if (stored.stream().anyMatch(AttachmentRef::executable)
                    || contained.stream().anyMatch(AttachmentRef::executable)) {
                flags.add(ResponseFlag.EXECUTABLE_ATTACHMENT);
            }
            if (bounce) {
                flags.add(ResponseFlag.BOUNCE);
            }
            if (autoReply) {
                flags.add(ResponseFlag.AUTO_REPLY);
            }
            return new ReadMail(clean(headers.first("Message-ID")), clean(headers.first("In-Reply-To")), from,
                    recipients, subject, sentAt, newText, fullText, language, autoReply, bounce, bounced, refs,
                    stored, flags, contained);
        }

        private Instant sentAt() {
            try {
                Date d = message.getSentDate();
                return d == null ? null : d.toInstant();
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        // --- structure --------------------------------------------------------------------------------------

        void walk(Part part, int depth, boolean unusedAlternative, boolean inReport, boolean inRelated)
                throws MessagingException {
            if (depth > MAX_DEPTH) {
                flags.add(ResponseFlag.MALFORMED);
                return;
            }
            Type type = type(part);
            if (type.primary.equals("multipart")) {
                List<MimeBodyPart> kids = children(part, type);
                if (kids == null) {
                    // unreadable multipart: its raw content is shown as text, nothing is lost
                    leaves.add(new Leaf(part, new Type("text", "plain", Map.of()), null, null, null,
                            unusedAlternative ? Role.ALTERNATIVE_TEXT : Role.BODY, inRelated));
                    return;
                }
                switch (type.sub) {
                    case "alternative" -> {
                        int chosen = chooseAlternative(kids);
                        for (int k = 0; k < kids.size(); k++) {
                            walk(kids.get(k), depth + 1, unusedAlternative || k != chosen, inReport, inRelated);
                        }
                    }
                    case "report" -> report(kids, type, depth);
                    default -> {
                        boolean related = type.sub.equals("related");
                        for (MimeBodyPart kid : kids) {
                            walk(kid, depth + 1, unusedAlternative, inReport, inRelated || related);
                        }
                    }
                }
                return;
            }
            String disposition = disposition(part);
            String filename = filename(part);
            String contentId = contentId(part);
            Role role;
            boolean textBody = (type.is("text/plain") || type.is("text/html")) && filename == null
                    && !"attachment".equals(disposition);
            if (textBody) {
                role = unusedAlternative ? Role.ALTERNATIVE_TEXT : Role.BODY;
            } else if (type.base().endsWith("pkcs7-signature") || type.is("application/pgp-signature")
                    || type.is("application/pgp-encrypted")) {
                role = Role.IGNORED;
            } else if (unusedAlternative && filename == null && type.primary.equals("text")) {
                role = Role.IGNORED; // text/enriched, text/watch-html alternatives
            } else {
                role = Role.ATTACHMENT;
            }
            leaves.add(new Leaf(part, type, filename, disposition, contentId, role, inRelated));
        }

        /** text/plain when it says something, else the HTML (or the multipart holding it), else the first part. */
        private int chooseAlternative(List<MimeBodyPart> kids) {
            int html = -1;
            int first = -1;
            for (int k = 0; k < kids.size(); k++) {
                if ("attachment".equals(disposition(kids.get(k)))) {
                    continue;
                }
                Type t = type(kids.get(k));
                if (t.is("text/plain") && !isBlankText(kids.get(k), t)) {
                    return k;
                }
                if (html < 0 && (t.is("text/html") || t.primary.equals("multipart"))) {
                    html = k;
                }
                if (first < 0) {
                    first = k;
                }
            }
            return html >= 0 ? html : first;
        }

        private boolean isBlankText(MimeBodyPart part, Type t) {
            try {
                return MailText.isBlank(text(new Leaf(part, t, null, null, null, Role.BODY, false)));
            } catch (RuntimeException e) {
                return true;
            }
        }

        private void report(List<MimeBodyPart> kids, Type type, int depth) throws MessagingException {
            String reportType = type.param("report-type");
            boolean dsn = "delivery-status".equalsIgnoreCase(reportType);
            boolean textDone = false;
            for (MimeBodyPart kid : kids) {
                Type t = type(kid);
                if (t.is("message/delivery-status") || t.is("message/global-delivery-status")) {
                    dsn = true;
                    bounced.addAll(failedRecipients(kid));
                } else if (!textDone && t.primary.equals("text") && !t.is("text/rfc822-headers")) {
                    leaves.add(new Leaf(kid, t, null, null, null, Role.REPORT_TEXT, false));
                    textDone = true;
                } else if (!textDone && t.primary.equals("multipart")) {
                    int before = leaves.size();
                    walk(kid, depth + 1, false, true, false);
                    for (int k = before; k < leaves.size(); k++) {
                        Leaf l = leaves.get(k);
                        if (l.role == Role.BODY) {
                            leaves.set(k, new Leaf(l.part, l.type, null, null, null, Role.REPORT_TEXT, false));
                            textDone = true;
                        } else if (l.role == Role.ATTACHMENT) {
                            leaves.set(k, new Leaf(l.part, l.type, null, null, null, Role.IGNORED, false));
                        }
                    }
                }
                // the returned message and the machine parts are not attachments
            }
            if (dsn) {
                bounce = true;
            } else {
                machineReport = true; // read receipts (disposition-notification) and other reports
            }
        }

        private List<String> failedRecipients(Part part) {
            List<String> result = new ArrayList<>();
            try {
                String text = MailText.unixLines(new String(readAll(decoded(part), 256 * 1024),
                        StandardCharsets.ISO_8859_1)).replaceAll("\n[ \t]+", " ");
                for (String block : text.split("\n\\s*\n")) {
                    String recipient = null;
                    String action = null;
                    for (String line : block.split("\n")) {
                        int colon = line.indexOf(':');
                        if (colon < 0) {
                            continue;
                        }
                        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                        String value = line.substring(colon + 1).trim();
                        if (name.equals("final-recipient") || (name.equals("original-recipient") && recipient == null)) {
                            int semi = value.indexOf(';');
                            recipient = (semi >= 0 ? value.substring(semi + 1) : value).trim();
                            recipient = recipient.replaceAll("^<|>$", "");
                        } else if (name.equals("action")) {
                            action = value.toLowerCase(Locale.ROOT);
                        }
                    }
                    if (recipient != null && (action == null || action.startsWith("failed"))
                            && !result.contains(recipient)) {
                        result.add(recipient);
                    }
                }
            } catch (IOException | MessagingException | RuntimeException e) {
                flags.add(ResponseFlag.MALFORMED);
            }
            return result;
        }

        private List<MimeBodyPart> children(Part part, Type type) throws MessagingException {
            if (type.param("boundary") == null || type.param("boundary").isBlank()) {
                flags.add(ResponseFlag.MALFORMED); // Angus takes the first "--" line; we say the message was odd
            }
            MimeMultipart mp = multipart(part, type.base() + paramsWithoutBoundary(type)
                    + (type.param("boundary") == null ? "" : "; boundary=\"" + type.param("boundary") + "\""));
            int count = count(mp);
            if (count <= 0) {
                String discovered = discoverBoundary(part);
                if (discovered != null && !discovered.equals(type.param("boundary"))) {
                    mp = multipart(part, type.base() + "; boundary=\"" + discovered + "\"");
                    count = count(mp);
                    flags.add(ResponseFlag.MALFORMED);
                }
            }
            if (count <= 0) {
                flags.add(ResponseFlag.MALFORMED);
                return null;
            }
            try {
                if (!mp.isComplete()) {
                    flags.add(ResponseFlag.MALFORMED); // no end boundary: what was read is kept
                }
            } catch (MessagingException e) {
                flags.add(ResponseFlag.MALFORMED);
            }
            List<MimeBodyPart> kids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                kids.add((MimeBodyPart) mp.getBodyPart(i));
            }
            return kids;
        }

        private String paramsWithoutBoundary(Type type) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : type.params.entrySet()) {
                if (!e.getKey().equals("boundary")) {
                    sb.append("; ").append(e.getKey()).append("=\"").append(e.getValue().replace("\"", "")).append('"');
                }
            }
            return sb.toString();
        }

        private MimeMultipart multipart(Part part, String contentType) {
            try {
                return new MimeMultipart(new RawSource(part, contentType));
            } catch (MessagingException e) {
                return null;
            }
        }

        private int count(MimeMultipart mp) {
            if (mp == null) {
                return -1;
            }
            try {
                return mp.getCount();
            } catch (MessagingException | RuntimeException e) {
                return -1;
            }
        }

        /** The first "--x" line that comes back later as "--x" or "--x--" is the real delimiter. */
        private String discoverBoundary(Part part) {
            try (InputStream in = raw(part)) {
                byte[] head = readAll(in, 8 * 1024 * 1024);
                String text = new String(head, StandardCharsets.ISO_8859_1);
                Map<String, Integer> seen = new LinkedHashMap<>();
                for (String line : MailText.unixLines(text).split("\n")) {
                    String l = MailText.stripTrailing(line);
                    if (l.length() > 2 && l.length() < 200 && l.startsWith("--") && !l.contains(" ")) {
                        String b = l.substring(2);
                        if (b.endsWith("--")) {
                            b = b.substring(0, b.length() - 2);
                        }
                        seen.merge(b, 1, Integer::sum);
                    }
                }
                for (Map.Entry<String, Integer> e : seen.entrySet()) {
                    if (e.getValue() >= 2 && !e.getKey().isEmpty()) {
                        return e.getKey();
                    }
                }
            } catch (IOException | MessagingException | RuntimeException e) {
                flags.add(ResponseFlag.MALFORMED);
            }
            return null;
        }

        // --- content ----------------------------------------------------------------------------------------

        private Set<String> cidReferences() {
            boolean anyCid = leaves.stream().anyMatch(l -> l.role == Role.ATTACHMENT && l.contentId != null);
            if (!anyCid) {
                return Set.of();
            }
            Set<String> cids = new HashSet<>();
            for (Leaf leaf : leaves) {
                if ((leaf.role == Role.BODY || leaf.role == Role.ALTERNATIVE_TEXT) && leaf.type.is("text/html")) {
                    Matcher m = CID.matcher(text(leaf));
                    while (m.find()) {
                        String id = m.group(1);
                        cids.add(id.toLowerCase(Locale.ROOT));
                        try {
                            cids.add(java.net.URLDecoder.decode(id, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
                        } catch (IllegalArgumentException ignored) {
                            // not URL-encoded
                        }
                    }
                }
            }
            return cids;
        }

        private final Map<Part, String> texts = new HashMap<>();

        /** The decoded text of a text leaf (charset fallbacks, format=flowed joined). */
        String text(Leaf leaf) {
            return texts.computeIfAbsent(leaf.part, p -> {
                try {
                    byte[] bytes = readAll(decoded(p), MAX_TEXT_BYTES);
                    String text = Charsets.decode(bytes, leaf.type.param("charset"));
                    if (leaf.type.is("text/plain") && "flowed".equalsIgnoreCase(leaf.type.param("format"))) {
                        text = FlowedText.unflow(text, "yes".equalsIgnoreCase(leaf.type.param("delsp")));
                    }
                    return text;
                } catch (IOException | MessagingException | RuntimeException e) {
                    flags.add(ResponseFlag.MALFORMED);
                    return "";
                }
            });
        }

        private void store(Leaf leaf, String name, List<AttachmentRef> stored, List<AttachmentRef> contained)
                throws IOException, MessagingException {
            String type = leaf.type.base();
            boolean message = leaf.type.primary.equals("message");
            AttachmentRef ref;
            try (HeadCapture data = new HeadCapture(message ? rawUnlessEncoded(leaf.part) : decoded(leaf.part))) {
                ref = sink.store(name, type, data);
                data.transferTo(OutputStream.nullOutputStream());
                ref = withExecutable(ref, name, type, data.head());
            }
            stored.add(ref);
            if (type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")
                    || name.equalsIgnoreCase("winmail.dat")) {
                try (InputStream in = decoded(leaf.part)) {
                    Tnef.list(in, (innerName, innerType, innerData) -> {
                        String n = safeName(innerName, stored.size() + contained.size() + 1,
                                "application/octet-stream", null);
                        String t = innerType == null || innerType.isBlank() ? guessType(n) : innerType.trim();
                        try (HeadCapture d = new HeadCapture(innerData)) {
                            AttachmentRef r = sink.store(n, t, d);
                            d.transferTo(OutputStream.nullOutputStream());
                            contained.add(withExecutable(r, n, t, d.head()));
                        }
                    });
                } catch (IOException | RuntimeException damaged) {
                    flags.add(ResponseFlag.MALFORMED);
                }
            }
        }

        /** The raw MIME of a header-decoded field for addresses; a decoded encoded-word never becomes an address. */
        private List<MailAddress> addresses(List<String> values) {
            List<MailAddress> result = new ArrayList<>();
            for (String value : values) {
                String protectedValue = EncodedWords.protectInAddressHeader(value);
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(protectedValue, false)) {
                        if (a.isGroup()) {
                            InternetAddress[] members = a.getGroup(false);
                            if (members != null) {
                                for (InternetAddress m : members) {
                                    add(result, m);
                                }
                            }
                        } else {
                            add(result, a);
                        }
                    }
                } catch (Exception e) {
                    Matcher m = ADDR_SPEC.matcher(protectedValue.replaceAll("\"[^\"]*\"", " "));
                    while (m.find()) {
                        result.add(new MailAddress(m.group(), null));
                    }
                }
            }
            return result;
        }

        private void add(List<MailAddress> result, InternetAddress a) {
            String address = a.getAddress();
            if (address == null || address.isBlank() || address.indexOf('@') < 1) {
                return;
            }
            address = address.trim();
            String domain = address.substring(address.lastIndexOf('@') + 1);
            if (!domain.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                return;
            }
            result.add(new MailAddress(address, displayName(a.getPersonal())));
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void append(StringBuilder sb, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append("\n\n");
        }
        sb.append(text);
    }

    private static MailAddress first(List<MailAddress> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    static String displayName(String personal) {
        if (personal == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(personal.length());
        for (int i = 0; i < personal.length(); i++) {
            char c = personal.charAt(i);
            if (c == '\\' && i + 1 < personal.length()) {
                sb.append(personal.charAt(++i));
            } else if (c != '"') {
                sb.append(c);
            }
        }
        String name = sb.toString().replaceAll("[\\r\\n\\t]+", " ").trim();
        if (name.length() > 1 && name.startsWith("'") && name.endsWith("'")) {
            name = name.substring(1, name.length() - 1).trim(); // Outlook's "'Name'"
        }
        return name.isEmpty() ? null : name;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("[\\r\\n]+", " ").replaceAll("[\\t ]{2,}", " ").trim();
        return t.isEmpty() ? null : t;
    }

    private static String stripPrefixes(String subject) {
        return subject == null ? null
                : subject.replaceAll("(?i)^(\\s*(re|fwd?|tr|aw|wg|rv|sv|antw|réf|ref)\\s*:\\s*)+", "");
    }

    static Type type(Part part) {
        String raw = null;
        try {
            String[] h = part.getHeader("Content-Type");
            raw = h == null || h.length == 0 ? null : Charsets.fromRawHeader(h[0]);
        } catch (MessagingException e) {
            raw = null;
        }
        return parseType(raw);
    }

    static Type parseType(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Type("text", "plain", Map.of());
        }
        try {
            ContentType ct = new ContentType(raw);
            Map<String, String> params = new LinkedHashMap<>();
            if (ct.getParameterList() != null) {
                Enumeration<String> names = ct.getParameterList().getNames();
                while (names.hasMoreElements()) {
                    String n = names.nextElement();
                    params.put(n.toLowerCase(Locale.ROOT), ct.getParameter(n));
                }
            }
            return new Type(ct.getPrimaryType().toLowerCase(Locale.ROOT), ct.getSubType().toLowerCase(Locale.ROOT),
                    params);
        } catch (Exception e) {
            return lenientType(raw);
        }
    }

    private static final Pattern TYPE = Pattern.compile("^\\s*([\\w.+\\-]+)\\s*/\\s*([\\w.+\\-]+)");
    private static final Pattern PARAM = Pattern.compile(";\\s*([\\w*.\\-]+)\\s*=\\s*(\"([^\"]*)\"?|[^;\\s]+)");

    private static Type lenientType(String raw) {
        Matcher m = TYPE.matcher(raw);
        String primary = "application";
        String sub = "octet-stream";
        if (m.find()) {
            primary = m.group(1).toLowerCase(Locale.ROOT);
            sub = m.group(2).toLowerCase(Locale.ROOT);
        } else if (raw.trim().toLowerCase(Locale.ROOT).startsWith("text")) {
            primary = "text";
            sub = "plain";
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher p = PARAM.matcher(raw);
        while (p.find()) {
            params.putIfAbsent(p.group(1).toLowerCase(Locale.ROOT), p.group(3) != null ? p.group(3) : p.group(2));
        }
        return new Type(primary, sub, params);
    }

    static String disposition(Part part) {
        try {
            String[] h = part.getHeader("Content-Disposition");
            if (h == null || h.length == 0) {
                return null;
            }
            String v = Charsets.fromRawHeader(h[0]).trim().toLowerCase(Locale.ROOT);
            int semi = v.indexOf(';');
            return (semi >= 0 ? v.substring(0, semi) : v).trim();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** Content-Disposition filename (RFC 2231 decoded by Angus), else Content-Type name; RFC 2047 inside. */
    static String filename(Part part) {
        String name = null;
        try {
            String[] cd = part.getHeader("Content-Disposition");
            if (cd != null && cd.length > 0) {
                name = param(Charsets.fromRawHeader(cd[0]), "filename", true);
            }
            if (name == null || name.isBlank()) {
                String[] ct = part.getHeader("Content-Type");
                if (ct != null && ct.length > 0) {
                    name = param(Charsets.fromRawHeader(ct[0]), "name", false);
                }
            }
        } catch (MessagingException e) {
            return null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        return EncodedWords.decode(name.trim());
    }

    private static String param(String header, String name, boolean disposition) {
        try {
            String value = disposition ? new ContentDisposition(header).getParameter(name)
                    : new ContentType(header).getParameter(name);
            if (value != null) {
                return value;
            }
        } catch (Exception e) {
            // fall through to the lenient reading
        }
        Matcher m = Pattern.compile(";\\s*" + name + "\\*?\\s*=\\s*(\"([^\"]*)\"?|[^;]+)", Pattern.CASE_INSENSITIVE)
                .matcher(header);
        if (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(1).trim();
            int quote = v.indexOf("''");
            if (quote > 0 && v.substring(0, quote).matches("[\\w\\-]+(?:'[\\w\\-]*)?")) {
                String charset = v.substring(0, v.indexOf('\''));
                return Charsets.decode(percentDecode(v.substring(quote + 2)), charset);
            }
            return v;
        }
        return null;
    }

    private static byte[] percentDecode(String s) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                try {
                    b.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException ignored) {
                    // a literal '%'
                }
            }
            byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            b.write(u, 0, u.length);
        }
        return b.toByteArray();
    }

    static String contentId(Part part) {
        try {
            String[] h = part.getHeader("Content-ID");
            if (h == null || h.length == 0) {
                return null;
            }
            String v = h[0].trim();
            if (v.startsWith("<") && v.endsWith(">")) {
                v = v.substring(1, v.length() - 1);
            }
            return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return null;
        }
    }

    /** A file name safe to show and store: decoded, no path, no control characters, bounded; else a fallback. */
    static String safeName(String raw, int index, String type, Part part) {
        String name = raw == null ? "" : raw;
        name = name.replace('\\', '/');
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isISOControl(c) && c != '\uFFFD') {
                sb.append(c);
            }
        }
        name = sb.toString().trim();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 200 - ext.length()) + ext;
        }
        if (name.isBlank()) {
            name = fallbackName(index, type, part);
        }
        return name;
    }

    private static String fallbackName(int index, String type, Part part) {
        if (type.startsWith("message/") && part != null) {
            try (InputStream in = rawUnlessEncoded(part)) {
                MimeMessage inner = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(readAll(in, 64 * 1024)));
                String[] s = inner.getHeader("Subject");
                if (s != null && s.length > 0) {
                    String subject = clean(EncodedWords.decode(Charsets.fromRawHeader(s[0])));
                    if (subject != null) {
                        return safeName(subject.replaceAll("[\\\\/:*?\"<>|]", "_"), index, "x/x", null) + ".eml";
                    }
                }
            } catch (IOException | MessagingException | RuntimeException e) {
                // the generic name will do
            }
        }
        String ext = switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg", "image/jpg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "text/calendar" -> ".ics";
            case "message/rfc822" -> ".eml";
            case "application/ms-tnef", "application/vnd.ms-tnef" -> ".dat";
            default -> ".bin";
        };
        return "attachment-" + index + ext;
    }

    static String guessType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "txt" -> "text/plain";
            case "htm", "html" -> "text/html";
            case "rtf" -> "application/rtf";
            case "doc" -> "application/msword";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xls" -> "application/vnd.ms-excel";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "csv" -> "text/csv";
            case "zip" -> "application/zip";
            case "eml" -> "message/rfc822";
            case "exe", "dll", "com", "scr" -> "application/x-msdownload";
            default -> "application/octet-stream";
        };
    }

    /** Executable by name, declared type, or content (PE "MZ", ELF, Mach-O, Java class, shell script). */
    static boolean isExecutable(String name, String type, byte[] head) {
        if (StoringAttachmentSink.isExecutable(name, type)) {
            return true;
        }
        if (head == null || head.length < 2) {
            return false;
        }
        int b0 = head[0] & 0xFF;
        int b1 = head[1] & 0xFF;
        if (b0 == 'M' && b1 == 'Z') {
            return true;
        }
        if (b0 == '#' && b1 == '!') {
            return true;
        }
        if (head.length >= 4) {
            int magic = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            return magic == 0x7F454C46 || magic == 0xCAFEBABE || magic == 0xFEEDFACE || magic == 0xFEEDFACF
                    || magic == 0xCEFAEDFE || magic == 0xCFFAEDFE;
        }
        return false;
    }

    private static AttachmentRef withExecutable(AttachmentRef ref, String name, String type, byte[] head) {
        if (ref == null) {
            return new AttachmentRef(name, type, 0, null, isExecutable(name, type, head));
        }
        if (ref.executable() || !isExecutable(name, type, head)) {
            return ref;
        }
        return new AttachmentRef(ref.filename(), ref.contentType(), ref.sizeBytes(), ref.key(), true);
    }

    // --- streams ---------------------------------------------------------------------------------------------

    private static InputStream raw(Part part) throws MessagingException {
        if (part instanceof MimeBodyPart b) {
            return b.getRawInputStream();
        }
        if (part instanceof MimeMessage m) {
            return m.getRawInputStream();
        }
        throw new MessagingException("unsupported part " + part.getClass().getName());
    }

    /** Content-Transfer-Encoding value, normalised; unknown values read as binary. */
    static String encoding(Part part) {
        try {
            String[] h = part.getHeader("Content-Transfer-Encoding");
            if (h == null || h.length == 0) {
                return "7bit";
            }
            String v = h[0].trim().toLowerCase(Locale.ROOT).replace("\"", "");
            int semi = v.indexOf(';');
            if (semi >= 0) {
                v = v.substring(0, semi).trim();
            }
            return switch (v) {
                case "base64", "base-64", "b64", "base_64" -> "base64";
                case "quoted-printable", "quoted_printable", "quotedprintable", "qp" -> "quoted-printable";
                case "x-uuencode", "uuencode", "x-uue" -> "uuencode";
                default -> "binary";
            };
        } catch (MessagingException e) {
            return "binary";
        }
    }

    static InputStream decoded(Part part) throws MessagingException {
        InputStream raw = raw(part);
        String enc = encoding(part);
        return enc.equals("binary") ? raw : MimeUtility.decode(raw, enc);
    }

    /** message/rfc822 is kept as stored (7bit/8bit/binary), unless a client wrongly transfer-encoded it. */
    private static InputStream rawUnlessEncoded(Part part) throws MessagingException {
        return decoded(part);
    }

    static byte[] readAll(InputStream in, int limit) throws IOException {
        try (InputStream s = in) {
            return s.readNBytes(limit);
        }
    }

    /** The multipart's bytes for Angus, with the Content-Type we decided on (a rediscovered boundary). */
    private static final class RawSource implements DataSource {
        private final Part part;
        private final String contentType;

        RawSource(Part part, String contentType) {
            this.part = part;
            this.contentType = contentType;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return decoded(part);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return "part";
        }
    }

    /** Keeps the first bytes read (for the executable check) while streaming. */
    private static final class HeadCapture extends FilterInputStream {
        private final byte[] head = new byte[8];
        private int headLength;

        HeadCapture(InputStream in) {
            super(in);
        }

        byte[] head() {
            return java.util.Arrays.copyOf(head, headLength);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && headLength < head.length) {
                head[headLength++] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            for (int i = 0; i < r && headLength < head.length; i++) {
                head[headLength++] = b[off + i];
            }
            return r;
        }
    }

    /** Top-level header fields, unfolded and decoded (one char per byte in, text out). */
    static final class Headers implements MailHeaders {
        private final Map<String, List<String>> byName = new HashMap<>();

        static Headers of(MimeMessage message) {
            Headers h = new Headers();
            try {
                Enumeration<Header> all = message.getAllHeaders();
                while (all.hasMoreElements()) {
                    Header header = all.nextElement();
                    String value = header.getValue() == null ? "" : header.getValue();
                    value = Charsets.fromRawHeader(value.replaceAll("\\r?\\n(?=[ \\t])", "").replaceAll("[\\r\\n]", ""));
                    h.byName.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(value.trim());
                }
            } catch (MessagingException | RuntimeException e) {
                // no headers is still a message
            }
            return h;
        }

        @Override
        public List<String> all(String name) {
            return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }
}
