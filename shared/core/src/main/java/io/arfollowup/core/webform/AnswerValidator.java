package io.arfollowup.core.webform;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.Item;
import io.arfollowup.core.domain.ItemAnswer;
import io.arfollowup.core.webform.AnswerForm.Entry;
import io.arfollowup.core.webform.AnswerForm.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what the customer typed into structured answers, or says what is wrong next to each field: a promise date
 * in the past or beyond the horizon, an amount above the open amount, a payment date in the future, a missing
 * choice or reason. Dates are read as ISO (what {@code <input type=date>} sends) or day/month/year; amounts with a
 * comma or a point as decimal separator and any spaces as grouping.
 */
public final class AnswerValidator {

    public static final int MAX_COMMENT = 5_000;
    public static final int MAX_REFERENCE = 100;

    /** The outcome: the answers (only meaningful when {@code errors} is empty) and the comment, cleaned. */
    public record Checked(List<ItemAnswer> answers, String comment, List<FieldError> errors) {
        public Checked {
            answers = List.copyOf(answers);
            errors = List.copyOf(errors);
        }
    }

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final int horizonDays;

    public AnswerValidator(int horizonDays) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("the promise horizon must be at least one day");
        }
        this.horizonDays = horizonDays;
    }

    public int horizonDays() {
        return horizonDays;
    }

    /**
     * Checks a posted form. {@code answerable}: the customer's open invoices by number (the caller has already
     * refused numbers outside them). {@code today}: in the customer's zone.
     */
    public Checked check(AnswerForm form, Map<String, Item> answerable, LocalDate today, boolean hasFiles) {
        List<ItemAnswer> answers = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        LocalDate horizon = today.plusDays(horizonDays);
        for (int i = 0; i < form.entries().size(); i++) {
            Entry e = form.entries().get(i);
            if (!e.touched()) {
                continue;
            }
            Item item = answerable.get(e.itemNumber());
            if (item == null) {
                continue;
            }
            Optional<AnswerChoice> choice = choice(e.choice());
            if (choice.isEmpty()) {
                errors.add(FieldError.of(AnswerForm.FieldError.entryField(i, "choice"), "choice_missing"));
                continue;
            }
            int before = errors.size();
            LocalDate date = null;
            BigDecimal amount = null;
            DisputeReason reason = null;
            String reference = null;
            switch (choice.get()) {
                case WILL_PAY -> {
                    date = futureDate(e.payDate(), i, "payDate", today, horizon, true, errors);
                    amount = amount(e.payAmount(), i, item, errors);
                }
                case IN_PAYMENT -> date = futureDate(e.inPaymentDate(), i, "inPaymentDate", today, horizon, false,
                        errors);
                case DISPUTE -> {
                    reason = reason(e.reason());
                    if (reason == null) {
                        errors.add(FieldError.of(FieldError.entryField(i, "reason"), "reason_missing"));
                    }
                }
                case ALREADY_PAID -> {
                    date = pastDate(e.paidDate(), i, today, errors);
                    reference = Text.plain(e.reference(), MAX_REFERENCE + 1);
                    if (reference.length() > MAX_REFERENCE) {
                        errors.add(FieldError.of(FieldError.entryField(i, "reference"), "reference_too_long"));
                    }
                    reference = reference.isEmpty() ? null : reference;
                }
                case SEND_COPY -> {
                    // nothing more to say
                }
                default -> throw new IllegalStateException();
            }
            if (errors.size() == before) {
                answers.add(new ItemAnswer(item.number(), choice.get(), date, amount, reason, reference));
            }
        }
        String comment = Text.plain(form.comment(), MAX_COMMENT + 1);
        if (comment.length() > MAX_COMMENT) {
            errors.add(FieldError.of("comment", "comment_too_long"));
        }
        if (errors.isEmpty() && answers.isEmpty() && comment.isBlank() && !hasFiles) {
            errors.add(FieldError.of("form", "nothing_to_send"));
        }
        return new Checked(answers, comment.strip(), errors);
    }

    private static Optional<AnswerChoice> choice(String value) {
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(AnswerChoice.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DisputeReason reason(String value) {
        try {
            return value.isEmpty() ? null : DisputeReason.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate futureDate(String raw, int i, String field, LocalDate today, LocalDate horizon,
                                        boolean required, List<FieldError> errors) {
        String f = FieldError.entryField(i, field);
        if (raw.isEmpty()) {
            if (required) {
                errors.add(FieldError.of(f, "date_missing"));
            }
            return null;
        }
        Optional<LocalDate> d = parseDate(raw);
        if (d.isEmpty()) {
            errors.add(FieldError.of(f, "date_invalid"));
            return null;
        }
        if (d.get().isBefore(today)) {
            errors.add(FieldError.of(f, "date_past"));
            return null;
        }
        if (d.get().isAfter(horizon)) {
            errors.add(new FieldError(f, "date_beyond_horizon", horizon.toString()));
            return null;
        }
        return d.get();
    }

    private static LocalDate pastDate(String raw, int i, LocalDate today, List<FieldError> errors) {
        String f = FieldError.entryField(i, "paidDate");
        if (raw.isEmpty()) {
            errors.add(FieldError.of(f, "date_missing"));
            return null;
        }
        Optional<LocalDate> d = parseDate(raw);
        if (d.isEmpty()) {
            errors.add(FieldError.of(f, "date_invalid"));
            return null;
        }
        if (d.get().isAfter(today)) {
            errors.add(FieldError.of(f, "date_future"));
            return null;
        }
        return d.get();
    }

    private static BigDecimal amount(String raw, int i, Item item, List<FieldError> errors) {
        if (raw.isEmpty()) {
            return null;
        }
        String f = FieldError.entryField(i, "payAmount");
        Optional<BigDecimal> a = parseAmount(raw);
        if (a.isEmpty() || a.get().signum() <= 0) {
            errors.add(FieldError.of(f, "amount_invalid"));
            return null;
        }
        if (item.openAmount() != null && a.get().compareTo(item.openAmount()) > 0) {
            errors.add(new FieldError(f, "amount_above_open", item.openAmount().toPlainString()));
            return null;
        }
        return a.get();
    }

    /** yyyy-MM-dd, or d/M/yyyy with '/', '.' or '-'; nothing else (no two-digit years, no month names). */
    public static Optional<LocalDate> parseDate(String raw) {
        String s = raw == null ? "" : raw.strip();
        try {
            if (s.length() == 10 && s.charAt(4) == '-') {
                return Optional.of(LocalDate.parse(s, ISO));
            }
            var m = DMY.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1))));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * "1 234,56", "1234.56", "1,234.56", "1.234,56", "€ 980" → the amount; more than two decimals or letters → empty.
     * When only one kind of separator appears, it is decimal if followed by one or two digits, grouping otherwise.
     */
    public static Optional<BigDecimal> parseAmount(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replaceAll("[\\s\\u00a0\\u202f'€£$]", "").toUpperCase(Locale.ROOT)
                .replace("EUR", "").replace("GBP", "");
        if (s.isEmpty() || !s.matches("[0-9.,]+")) {
            return Optional.empty();
        }
        int lastComma = s.lastIndexOf(',');
        int lastDot = s.lastIndexOf('.');
        String normalized;
        if (lastComma >= 0 && lastDot >= 0) {
            char decimal = lastComma > lastDot ? ',' : '.';
            char group = decimal == ',' ? '.' : ',';
            normalized = s.replace(String.valueOf(group), "").replace(decimal, '.');
        } else if (lastComma >= 0 || lastDot >= 0) {
            char sep = lastComma >= 0 ? ',' : '.';
            int last = Math.max(lastComma, lastDot);
            int decimals = s.length() - last - 1;
            boolean single = s.indexOf(sep) == last;
            if (single && decimals >= 1 && decimals <= 2) {
                normalized = s.replace(sep, '.');
            } else if (decimals == 3) {
                normalized = s.replace(String.valueOf(sep), "");
            } else {
                return Optional.empty();
            }
        } else {
            normalized = s;
        }
        if (!normalized.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(normalized));
    }
}
