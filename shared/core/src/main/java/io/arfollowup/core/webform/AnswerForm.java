package io.arfollowup.core.webform;

import java.util.List;

/**
 * The customer's page as it was posted, every value exactly as typed (strings, possibly blank), so that a form with
 * errors comes back with everything kept. {@code language} is the page's language (fr|en).
 */
public record AnswerForm(List<Entry> entries, String comment, String language) {

    public AnswerForm {
        entries = entries == null ? List.of() : List.copyOf(entries);
        comment = comment == null ? "" : comment;
    }

    /**
     * One invoice's row: the item number (a hidden field) and the chosen answer with its details. {@code choice} is
     * an {@link io.arfollowup.core.domain.AnswerChoice} name or blank (no answer for this invoice).
     */
    public record Entry(String itemNumber, String choice, String payDate, String payAmount, String inPaymentDate,
                        String reason, String paidDate, String reference) {

        public Entry {
            itemNumber = clean(itemNumber);
            choice = clean(choice);
            payDate = clean(payDate);
            payAmount = clean(payAmount);
            inPaymentDate = clean(inPaymentDate);
            reason = clean(reason);
            paidDate = clean(paidDate);
            reference = clean(reference);
        }

        public static Entry empty(String itemNumber) {
            return new Entry(itemNumber, "", "", "", "", "", "", "");
        }

        /** Something was typed or chosen on this row. */
        public boolean touched() {
            return !(choice.isEmpty() && payDate.isEmpty() && payAmount.isEmpty() && inPaymentDate.isEmpty()
                    && reason.isEmpty() && paidDate.isEmpty() && reference.isEmpty());
        }

        private static String clean(String s) {
            return s == null ? "" : s.strip();
        }
    }

    /** A message next to one field: {@code field} is "entry.N.name", "comment", "files" or "form". */
    public record FieldError(String field, String code, String detail) {
        public static FieldError of(String field, String code) {
            return new FieldError(field, code, null);
        }

        public static String entryField(int index, String name) {
            return "entry." + index + "." + name;
        }
    }
}
