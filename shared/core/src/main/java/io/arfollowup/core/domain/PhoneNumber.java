package io.arfollowup.core.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as SMS providers want them: E.164 ({@code +} country code and subscriber number, 8 to 15 digits,
 * no spaces). National numbers written the French or British way ("04 65 71 20 14", "020 7946 0321") get the
 * customer's country code; anything else is refused rather than guessed.
 */
public final class PhoneNumber {

    public static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    private PhoneNumber() {
    }

    public static Optional<String> e164(String raw, Country country) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        boolean plus = s.startsWith("+") || s.startsWith("00");
        String digits = s.replaceAll("[\\s.\\-()/\\u00a0\\u202f]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!digits.matches("^\\+?[0-9]+$")) {
            return Optional.empty();
        }
        // "+33 (0)4 ..." keeps a trunk zero that E.164 drops
        if (plus && s.contains("(0)")) {
            digits = digits.replaceFirst("^(\\+[1-9][0-9]{1,2})0", "$1");
        }
        if (!plus) {
            if (!digits.startsWith("0") || digits.startsWith("00")) {
                return Optional.empty();
            }
            String national = digits.substring(1);
            digits = (country == Country.GB ? "+44" : "+33") + national;
            int expected = country == Country.GB ? 10 : 9;
            if (national.length() != expected) {
                return Optional.empty();
            }
        }
        return E164.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
