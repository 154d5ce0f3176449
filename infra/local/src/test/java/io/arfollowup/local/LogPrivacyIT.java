package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.arfollowup.adapters.mail.AngusMailReader;
import io.arfollowup.adapters.mail.MailSystemProperties;
import io.arfollowup.core.mail.MailAddress;
import io.arfollowup.core.mail.ReadMail;
import io.arfollowup.core.port.AttachmentSink;
import io.arfollowup.testing.engines.EngineLauncher;
import io.arfollowup.testing.stubs.LambdaInvokeStub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 9: no customer text, e-mail address or phone number in the logs. The main flows run with every log line
 * captured as it is written in production (logback's JsonEncoder, message, key-values, MDC and stack traces; our
 * packages at DEBUG, stricter than the INFO of a deployed function): the whole `make demo` in-process (the 14 sample
 * mails ingested, qualified in Slack, follow-ups run, web form, scenario, imports), then every function's shaded jar
 * on its real event in a new JVM (its whole stdout and stderr). The needles come from the data, not from a list
 * typed here: the customers' own words of each sample .eml (every run of three consecutive words of the new text),
 * the addresses and display names of its senders and recipients and every address and phone number in its body
 * (ours — the inbound and sender domain — excepted), and the demo contacts' addresses and phones.
 */
class LogPrivacyIT {

    static final Path ROOT = EngineLauncher.repositoryRoot();
    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** A phone number as people write one: international (+33 4…) or national (04 65…, 01632 960…), 10+ digits. */
    static final Pattern PHONE = Pattern.compile("(?<![\\w-])(\\+|0)\\d[\\d .()-]{7,}\\d");
    static final String OURS = "atelier-lumen.example";

    /** Every log event of this JVM, encoded as the function's appender encodes it. */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final JsonEncoder encoder = new JsonEncoder();
        final StringBuilder text = new StringBuilder();

        Capture(LoggerContext context) {
            setContext(context);
            encoder.setContext(context);
            encoder.setWithFormattedMessage(true);
            encoder.start();
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            text.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theMainFlowsLogNoCustomerTextAddressOrPhone() throws Exception {
        Set<String> needles = needles();
        assertThat(needles).as("needles read from the samples").hasSizeGreaterThan(200)
                .contains("elodie.ferrand@cafe des canuts.example", "+33 4 65 71 20 14");
        // the scan sees through the encoder's JSON escapes
        assertThat(leaks("self-check", "{\"kvpList\": [{\"from\":\"elodie.ferrand@cafe-des-canuts.example\"}]}",
                needles)).hasSize(1);

        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = context.getLogger("io.arfollowup");
        Level before = ours.getLevel();
        Capture capture = new Capture(context);
        capture.start();
        root.addAppender(capture);
        ours.setLevel(Level.DEBUG);
        StringBuilder jarLogs = new StringBuilder();
        try {
            try (LocalEnvironment env = new LocalEnvironment(null, Clock.systemUTC());
                 LocalRuntime runtime = new LocalRuntime(env, 0)) {
                Demo demo = new Demo(runtime, ROOT.resolve("events/demo"),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                Demo.Report report = demo.run(ROOT.resolve("events/emails"));
                assertThat(report.emails()).hasSize(14);
            }
            try (LocalEnvironment env = new LocalEnvironment(null, Clock.systemUTC());
                 LambdaInvokeStub lambda = new LambdaInvokeStub()) {
                FunctionJars jars = new FunctionJars(env, lambda, Files.createTempDirectory("log-privacy"));
                for (FunctionJars.Function f : FunctionJars.ALL) {
                    assertThat(f.jar(ROOT)).as("run mvn package first").exists();
                    FunctionJars.Run run = jars.run(f, ROOT, jars.prepare(f),
                            List.of("-DLOG_LEVEL=DEBUG"), false);
                    assertThat(run.ok()).as(f.name() + ":\n" + run.log()).isTrue();
                    jarLogs.append(run.log());
                }
            }
        } finally {
            root.detachAppender(capture);
            ours.setLevel(before);
        }
        String inProcess = capture.text.toString();
        assertThat(inProcess).as("the demo's logs were captured").contains("inbound mail handled");

        List<String> leaks = new ArrayList<>();
        leaks.addAll(leaks("in-process", inProcess, needles));
        Set<String> jarNeedles = new LinkedHashSet<>(needles);
        // what FunctionJars seeds for the jars' events
        jarNeedles.add("probe@client.example");
        jarNeedles.add(normalize("Le virement partira"));
        leaks.addAll(leaks("jars", jarLogs.toString(), jarNeedles));
        assertThat(leaks).as("customer data in the logs").isEmpty();
    }

    /** Each needle found, with the log line it is in. */
    static List<String> leaks(String where, String logs, Set<String> needles) {
        List<String> found = new ArrayList<>();
        for (String line : logs.split("\n")) {
            String flat = normalize(unescapeJson(line));
            for (String needle : needles) {
                if (flat.contains(needle)) {
                    found.add(where + ": «" + needle + "» in " + line);
                }
            }
        }
        return found;
    }

    static Set<String> needles() throws Exception {
        MailSystemProperties.apply();
        Set<String> needles = new LinkedHashSet<>();
        AngusMailReader reader = new AngusMailReader();
        List<Path> mails;
        try (Stream<Path> s = Files.list(ROOT.resolve("events/emails"))) {
            mails = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(mails).hasSize(14);
        for (Path mail : mails) {
            ReadMail read = reader.read(mail, AttachmentSink.DISCARD);
            List<MailAddress> people = new ArrayList<>(read.recipients());
            if (read.from() != null) {
                people.add(read.from());
            }
            for (MailAddress a : people) {
                if (a.address() != null && !a.address().toLowerCase(Locale.ROOT).endsWith(OURS)) {
                    needles.add(normalize(a.address()));
                    if (a.displayName() != null && a.displayName().strip().contains(" ")
                            && !a.displayName().contains("Atelier Lumen")) {
                        needles.add(normalize(a.displayName()));
                    }
                }
            }
            String raw = Files.readString(mail, StandardCharsets.ISO_8859_1);
            for (String text : List.of(read.fullText(), raw)) {
                Matcher m = ADDRESS.matcher(text);
                while (m.find()) {
                    String address = m.group();
                    if (!address.toLowerCase(Locale.ROOT).endsWith(OURS) && !address.contains("=")
                            && !address.startsWith("reply+")) {
                        needles.add(normalize(address));
                    }
                }
            }
            Matcher phones = PHONE.matcher(read.fullText());
            while (phones.find()) {
                String digits = phones.group().replaceAll("\\D", "");
                if (digits.length() >= 10 && digits.length() <= 15 && digits.chars().distinct().count() >= 4) {
                    needles.add(normalize(phones.group()));
                    needles.add(digits); // the same number written without spaces
                }
            }
            needles.addAll(trigrams(read.newText()));
        }
        try (Reader in = Files.newBufferedReader(ROOT.resolve("events/demo/contacts.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                needles.add(normalize(r.get("email")));
                if (!r.get("phone").isBlank()) {
                    needles.add(normalize(r.get("phone")));
                    needles.add(r.get("phone").replaceAll("\\D", ""));
                }
            }
        }
        needles.remove("");
        return needles;
    }

    /** Every three consecutive words of a customer's text (at least 12 letters together): their own wording. */
    static Set<String> trigrams(String text) {
        String[] words = normalize(text).split("[^\\p{L}\\p{N}]+");
        Set<String> out = new LinkedHashSet<>();
        List<String> w = Stream.of(words).filter(s -> !s.isBlank()).toList();
        for (int i = 0; i + 2 < w.size(); i++) {
            String t = w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2);
            if (t.replaceAll("[^\\p{L}]", "").length() >= 12) {
                out.add(t);
            }
        }
        return out;
    }

    /** Lower case, accents kept, every run of non-letters/digits (but @ . + of addresses) one space. */
    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}@.+]+", " ").strip();
    }

    /** JSON string escapes (\\uXXXX, \\/, \\n) back to text, so an escaped address still matches. */
    static String unescapeJson(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                if (n == 'u' && i + 4 < line.length()) {
                    try {
                        out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                        i += 4;
                        continue;
                    } catch (NumberFormatException e) {
                        out.append("\\u");
                        continue;
                    }
                }
                out.append(switch (n) {
                    case 'n', 'r', 't' -> ' ';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
