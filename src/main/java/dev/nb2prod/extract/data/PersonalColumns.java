package dev.nb2prod.extract.data;

import dev.nb2prod.rules.credentials.PersonalData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of a fixture that hold personal data, and their masked values. A column is personal when at least
 * half of its non-blank values hold an e-mail address, a phone number or an IBAN (as rule NB403 finds them in
 * outputs), or when its name says so ({@code email}, {@code phone}, {@code mobile}, {@code iban}, {@code ssn}).
 * Masking keeps the format and which values are equal: the k-th distinct address becomes
 * {@code person<k>@example.com}, so code that splits off the domain or counts distinct customers still works.
 */
public final class PersonalColumns {
    private static final Pattern PERSONAL_NAME = Pattern.compile(
        "(?i).*(e[-_ ]?mail|phone|mobile|iban|ssn|social[-_ ]?security).*");

    private PersonalColumns() {}

    /** The kind of personal data of the column, if it is personal. */
    public static Optional<PersonalData.Kind> kind(String name, List<String> values) {
        Map<PersonalData.Kind, Integer> counts = new HashMap<>();
        int nonBlank = 0;
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            nonBlank++;
            PersonalData.find(value).stream().findFirst().ifPresent(item -> counts.merge(item.kind(), 1, Integer::sum));
        }
        for (PersonalData.Kind kind : PersonalData.Kind.values()) {
            if (nonBlank > 0 && counts.getOrDefault(kind, 0) * 2 >= nonBlank) {
                return Optional.of(kind);
            }
        }
        if (PERSONAL_NAME.matcher(name).matches()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("phone") || lower.contains("mobile")) {
                return Optional.of(PersonalData.Kind.PHONE);
            }
            return Optional.of(lower.contains("iban") || lower.contains("ssn") || lower.contains("social")
                ? PersonalData.Kind.IBAN : PersonalData.Kind.EMAIL);
        }
        return Optional.empty();
    }

    /** Masks the values of one column: blank stays blank, equal values get equal masks. */
    public static List<String> mask(PersonalData.Kind kind, List<String> values) {
        Map<String, String> masks = new LinkedHashMap<>();
        return values.stream().map(value -> value.isBlank() ? value
            : masks.computeIfAbsent(value, v -> masked(kind, masks.size() + 1))).toList();
    }

    private static String masked(PersonalData.Kind kind, int k) {
        return switch (kind) {
            case EMAIL -> "person" + k + "@example.com";
            case PHONE -> String.format(Locale.ROOT, "+1 555 %04d", k % 10000);
            case IBAN -> String.format(Locale.ROOT, "XX00MASK%010d", k);
        };
    }
}
