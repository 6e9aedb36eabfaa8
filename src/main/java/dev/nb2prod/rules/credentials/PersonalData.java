package dev.nb2prod.rules.credentials;

import dev.nb2prod.rules.Secrets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds personal data in text: e-mail addresses, international phone numbers and IBANs. */
public final class PersonalData {
    private PersonalData() {}

    public enum Kind {
        EMAIL("email address", "email addresses"),
        PHONE("phone number", "phone numbers"),
        IBAN("IBAN", "IBANs");

        final String singular;
        final String plural;

        Kind(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }
    }

    /** One item of personal data at an offset of the text; {@code value} is normalised (no spaces in IBANs). */
    public record Item(Kind kind, String value, String shown, int start) {}

    private static final Pattern EMAIL = Pattern.compile(
        "(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
            + "([A-Za-z]{2,12}))(?![A-Za-z0-9_-])");
    private static final Pattern PHONE = Pattern.compile(
        "(?<![A-Za-z0-9_+.\\-])\\+[1-9]\\d{0,2}(?:[ \\-]?\\(?\\d{1,4}\\)?){2,5}(?![0-9A-Za-z_.]?[0-9A-Za-z_])");
    private static final Pattern IBAN = Pattern.compile(
        "(?<![A-Za-z0-9])([A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])");

    private static final Set<String> TLDS = Set.of(
        "com", "net", "org", "edu", "gov", "mil", "int", "io", "ai", "co", "info", "biz", "me", "us", "uk", "de", "fr",
        "nl", "es", "it", "ru", "cn", "jp", "br", "in", "au", "ca", "ch", "se", "no", "dk", "fi", "pl", "be", "at", "cz",
        "pt", "gr", "ie", "nz", "za", "mx", "ar", "kr", "tw", "hk", "sg", "eu", "dev", "app", "tech", "xyz", "online",
        "email", "mail", "name", "pro", "club", "site", "ac", "il", "tr", "ua", "ro", "hu", "sk", "si", "hr", "lt",
        "lv", "ee", "is", "lu", "cl", "pe", "id", "my", "th", "vn", "ph", "pk", "ng", "ke", "eg", "ir", "sa", "ae");
    private static final Set<String> NOT_PERSONAL_LOCAL = Set.of(
        "noreply", "no-reply", "donotreply", "do-not-reply", "git", "mailer-daemon", "postmaster", "root",
        "unsubscribe", "subscribe", "listserv", "majordomo", "webmaster", "abuse", "hostmaster");
    /** Mailing-list command addresses ({@code pydata+unsubscribe@}, {@code users-request@}): a list's, no person's. */
    private static final java.util.regex.Pattern LIST_COMMAND = java.util.regex.Pattern.compile(
        "(?i).*[+-](unsubscribe|subscribe|request|owner|help|digest|join|leave)");
    /** Domains that are Python expressions in a traceback ({@code X@self.weights}); one-letter toy domains. */
    private static final Set<String> CODE_DOMAINS = Set.of("self", "np", "pd", "torch", "tf", "jnp", "sp", "cls");

    public static List<Item> find(String text) {
        List<Item> items = new ArrayList<>();
        // cheap checks first: outputs are long, and most hold no '@' or '+' at all
        Matcher m = EMAIL.matcher(text.indexOf('@') >= 0 ? text : "");
        while (m.find()) {
            String local = m.group(1);
            String domain = m.group(2).toLowerCase(Locale.ROOT);
            String firstLabel = domain.substring(0, domain.indexOf('.'));
            if (!TLDS.contains(m.group(3).toLowerCase(Locale.ROOT))
                || NOT_PERSONAL_LOCAL.contains(local.toLowerCase(Locale.ROOT)) || LIST_COMMAND.matcher(local).matches()
                || domain.endsWith("users.noreply.github.com") || CODE_DOMAINS.contains(firstLabel)
                || firstLabel.length() == 1) {
                continue;
            }
            items.add(new Item(Kind.EMAIL, local + "@" + domain, Secrets.mask(local) + "@" + domain, m.start()));
        }
        m = PHONE.matcher(text.indexOf('+') >= 0 ? text : "");
        while (m.find()) {
            String digits = m.group().replaceAll("[^0-9]", "");
            if (digits.length() < 9 || digits.length() > 15) {
                continue;
            }
            items.add(new Item(Kind.PHONE, "+" + digits, Secrets.mask(m.group()), m.start()));
        }
        m = IBAN.matcher(text);
        while (m.find()) {
            String iban = m.group(1).replace(" ", "");
            if (iban.length() >= 15 && iban.length() <= 34 && validIban(iban)) {
                items.add(new Item(Kind.IBAN, iban, Secrets.mask(iban), m.start()));
            }
        }
        items.sort(java.util.Comparator.comparingInt(Item::start));
        return items;
    }

    /** The ISO 13616 check: move the first four characters to the end, letters to numbers, modulo 97 is 1. */
    static boolean validIban(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
