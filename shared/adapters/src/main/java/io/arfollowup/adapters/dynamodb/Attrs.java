package io.arfollowup.adapters.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small, explicit conversions between attribute maps and Java values (no reflection: fast cold starts). */
final class Attrs {

    /**
     * Instants as fixed-width UTC text (always nine fraction digits). Conditions and sort keys compare them as
     * strings: {@code Instant.toString()} drops a zero fraction and prints 3, 6 or 9 digits, so "…:00Z" would sort
     * after "…:00.500Z" and "…:00.120Z" after "…:00.120500Z" although both are earlier.
     */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Attrs() {
    }

    /** An instant as stored, compared and sorted by the table (read back with {@link Instant#parse}). */
    static String sortable(Instant value) {
        return SORTABLE.format(value);
    }

    /** A mutable item builder that skips nulls (DynamoDB has no use for empty attributes). */
    static final class ItemBuilder {
        private final Map<String, AttributeValue> item = new HashMap<>();

        ItemBuilder s(String name, String value) {
            if (value != null) {
                item.put(name, AttributeValue.fromS(value));
            }
            return this;
        }

        ItemBuilder n(String name, Number value) {
            if (value != null) {
                item.put(name, AttributeValue.fromN(value instanceof BigDecimal bd ? bd.toPlainString()
                        : value.toString()));
            }
            return this;
        }

        ItemBuilder bool(String name, boolean value) {
            item.put(name, AttributeValue.fromBool(value));
            return this;
        }

        ItemBuilder instant(String name, Instant value) {
            return s(name, value == null ? null : sortable(value));
        }

        ItemBuilder date(String name, LocalDate value) {
            return s(name, value == null ? null : value.toString());
        }

        ItemBuilder list(String name, List<AttributeValue> values) {
            if (values != null && !values.isEmpty()) {
                item.put(name, AttributeValue.fromL(values));
            }
            return this;
        }

        ItemBuilder strings(String name, List<String> values) {
            if (values != null && !values.isEmpty()) {
                item.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
            }
            return this;
        }

        ItemBuilder map(String name, Map<String, AttributeValue> value) {
            if (value != null && !value.isEmpty()) {
                item.put(name, AttributeValue.fromM(value));
            }
            return this;
        }

        Map<String, AttributeValue> build() {
            return item;
        }
    }

    static ItemBuilder item() {
        return new ItemBuilder();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : new BigDecimal(v.n());
    }

    static Integer integer(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Integer.valueOf(v.n());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String s = str(item, name);
        return s == null ? null : Instant.parse(s);
    }

    static LocalDate date(Map<String, AttributeValue> item, String name) {
        String s = str(item, name);
        return s == null ? null : LocalDate.parse(s);
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (AttributeValue e : v.l()) {
            out.add(e.s());
        }
        return out;
    }

    static List<Map<String, AttributeValue>> maps(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) {
            return List.of();
        }
        return v.l().stream().map(AttributeValue::m).toList();
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? null : v.m();
    }

    static <E extends Enum<E>> E enumValue(Map<String, AttributeValue> item, String name, Class<E> type) {
        String s = str(item, name);
        return s == null ? null : Enum.valueOf(type, s);
    }
}
