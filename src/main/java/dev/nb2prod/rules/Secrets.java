package dev.nb2prod.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What secrets look like, shared by the credential rules: masking, the catalogue of token formats, placeholder
 * and entropy heuristics and credential-like names. Nothing here ever returns a full secret in a
 * human-readable form except {@link Match#secret()}, which callers must not print.
 */
public final class Secrets {
    private Secrets() {}

    private static final int SHOWN = 4;
    private static final int MIN_STARS = 4;
    private static final int MAX_STARS = 8;

    /** The first 4 characters then asterisks (4 to 8 of them); a secret of 4 characters or fewer is all asterisks. */
    public static String mask(String secret) {
        if (secret.length() <= SHOWN) {
            return "*".repeat(MIN_STARS);
        }
        int stars = Math.max(MIN_STARS, Math.min(MAX_STARS, secret.length() - SHOWN));
        return secret.substring(0, SHOWN) + "*".repeat(stars);
    }

    /** A short one-way hash of a secret, to identify it in fingerprints without revealing it. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A token found in a text.
     *
     * @param kind what it is, for messages ({@code "GitHub token"})
     * @param secret the sensitive part (never print it)
     * @param shown the masked form to print
     * @param start offset of the match in the text
     * @param end offset just after the match
     */
    public record Match(String kind, String secret, String shown, int start, int end) {}

    /**
     * A token format. {@code anchors}: literal strings of which at least one occurs in every match, checked
     * with {@code String.contains} before the (much slower) regular expression runs over long outputs.
     */
    private record Format(String kind, Pattern pattern, int group, Predicate<String> valid, boolean urlPassword,
                          List<String> anchors) {
        boolean mayOccurIn(String text) {
            for (String anchor : anchors) {
                if (text.contains(anchor)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String B = "(?<![A-Za-z0-9_])";
    private static final String E = "(?![A-Za-z0-9_])";

    private static final List<Format> FORMATS = List.of(
        format("AWS access key id", B + "((?:AKIA|ASIA)[0-9A-Z]{16})" + E, Secrets::variedBody, List.of("AKIA", "ASIA")),
        format("AWS secret access key",
            "(?i:aws_?secret_?(?:access_?)?key)[\"']?\\s{0,3}[:=,]\\s{0,3}[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
            s -> variedBody(s) && hasDigit(s), List.of("ecret", "ECRET")),
        format("GitHub token", B + "((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,})" + E, Secrets::variedBody, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")),
        format("GitHub token", B + "(github_pat_[A-Za-z0-9_]{40,})" + E, Secrets::variedBody, List.of("github_pat_")),
        format("GitLab token", B + "(glpat-[A-Za-z0-9_-]{20,})" + E, Secrets::variedBody, List.of("glpat-")),
        format("Slack token", B + "(xox[bpaors]-[0-9A-Za-z-]{20,})" + E, Secrets::variedBody, List.of("xox")),
        format("Slack webhook", "(?:https?://)?hooks\\.slack\\.com/services/(T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{16,})",
            Secrets::variedBody, List.of("hooks.slack.com")),
        format("Stripe live key", B + "((?:sk|rk)_live_[0-9A-Za-z]{16,})" + E, Secrets::variedBody, List.of("_live_")),
        format("Stripe test key", B + "((?:sk|rk)_test_[0-9A-Za-z]{16,})" + E, Secrets::variedBody, List.of("_test_")),
        format("Google API key", B + "(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])", Secrets::variedBody, List.of("AIza")),
        format("Anthropic API key", B + "(sk-ant-[A-Za-z0-9_-]{32,})(?![A-Za-z0-9_-])", Secrets::variedBody, List.of("sk-ant-")),
        format("OpenAI API key", B + "(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{32,})(?![A-Za-z0-9_-])",
            Secrets::variedBody, List.of("sk-proj-", "sk-svcacct-", "sk-admin-")),
        format("OpenAI API key", B + "(sk-[A-Za-z0-9]{32,})" + E, s -> variedBody(s) && mixedCaseAndDigits(s), List.of("sk-")),
        format("Hugging Face token", B + "(hf_[A-Za-z]{34,})" + E, s -> variedBody(s) && mixedCase(s), List.of("hf_")),
        format("JSON web token",
            B + "(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])", s -> true, List.of("eyJ")),
        format("private key",
            "-----BEGIN (?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?-----(?:\\\\[nr]|\\s|\"|')*"
                + "([A-Za-z0-9+/]{40,}={0,2}(?:(?:\\\\[nr]|\\s|\"|')+[A-Za-z0-9+/]{4,}={0,2})*)",
            s -> true, List.of("PRIVATE KEY")),
        new Format("password in URL", Pattern.compile(
            "(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}://[^\\s:/@'\"<>(){}\\[\\]]+:)([^\\s/@'\"<>]+)(@[A-Za-z0-9_.-]+)"),
            2, Secrets::realPassword, true, List.of("://")));

    private static Format format(String kind, String regex, Predicate<String> valid, List<String> anchors) {
        return new Format(kind, Pattern.compile(regex), 1, valid, false, anchors);
    }

    /** Every token of a known format in a text (one line or many), left to right, without overlaps. */
    public static List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        for (Format format : FORMATS) {
            if (!format.mayOccurIn(text)) {
                continue;
            }
            Matcher m = format.pattern().matcher(text);
            while (m.find()) {
                String secret = m.group(format.group());
                if (!format.valid().test(secret) || isPlaceholder(secret)) {
                    continue;
                }
                String shown = format.urlPassword()
                    ? m.group(1) + "*".repeat(MIN_STARS) + m.group(3)
                    : mask(secret);
                int start = format.urlPassword() ? m.start() : m.start(format.group());
                found.add(new Match(format.kind(), secret, shown, start, m.end()));
            }
        }
        found.sort(Comparator.comparingInt(Match::start).thenComparing(m -> -m.end()));
        List<Match> result = new ArrayList<>();
        int end = -1;
        for (Match match : found) {
            if (match.start() >= end) {
                result.add(match);
                end = match.end();
            }
        }
        return result;
    }

    /**
     * A name (possibly quoted, possibly a subscript {@code ['name']}, possibly annotated {@code name: str}), then
     * {@code =} or {@code :}, then a quoted value or a bare word.
     */
    private static final Pattern NAMED_VALUE = Pattern.compile(
        "(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_.-]{0,60})[\"']?\\]?"
            + "(?:\\s{0,3}:\\s{0,3}[A-Za-z_][A-Za-z0-9_.]{0,40}(?:\\[[A-Za-z0-9_., ]{0,40}\\])?(?=\\s{0,3}=))?"
            + "\\s{0,3}[:=]\\s{0,3}(?:[rRbBuUfF]{0,2}([\"'])"
            + "((?:(?i:bearer|token|basic|apikey|key)\\s+)?)([^\"'\\n]{1,300})\\2|((?:(?i:bearer|token|basic)\\s+)?)"
            + "([^\\s\"'<>,;()\\[\\]{}]{1,300}))");

    /**
     * The text with every secret in it masked, for anything nb2prod prints that quotes notebook content (labels,
     * I/O targets, error messages from parsers or Python): tokens of known formats (as {@link #find}), and
     * random-looking values given to credential names ({@code password = '...'}, {@code "api_key": "..."},
     * {@code token=...}). Text without either comes back unchanged.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (Match match : find(text)) {
            out.append(text, last, match.start()).append(match.shown());
            last = match.end();
        }
        out.append(text, last, text.length());
        String masked = out.toString();
        Matcher m = NAMED_VALUE.matcher(masked);
        StringBuilder result = new StringBuilder(masked.length());
        int done = 0;
        while (m.find()) {
            boolean quoted = m.group(4) != null;
            String value = quoted ? m.group(4) : m.group(6);
            int start = quoted ? m.start(4) : m.start(6);
            if (isCredentialName(m.group(1)) && !value.contains("*".repeat(MIN_STARS)) && looksLikeSecret(value)) {
                result.append(masked, done, start).append(mask(value));
                done = quoted ? m.end(4) : m.end(6);
            }
        }
        return result.append(masked, done, masked.length()).toString();
    }

    private static final Set<String> PLACEHOLDER_PASSWORDS = Set.of(
        "password", "passwd", "pass", "pwd", "pw", "secret", "tiger", "guest", "anonymous", "changeme", "test",
        "admin", "root", "user", "username", "example", "dummy", "xxx", "token", "apikey", "api_key", "mypassword",
        "yourpassword", "your_password", "my_password", "pass123", "password123", "foo", "bar", "foobar",
        "letmein", "secretpassword", "postgres", "mysql", "redis", "default");

    private static boolean realPassword(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_PASSWORDS.contains(lower) || lower.contains("{") || lower.contains("}")
            || lower.contains("%") && !lower.matches(".*%[0-9a-f]{2}.*") || lower.contains("$")
            || password.length() < 3) {
            return false;
        }
        return !isPlaceholder(password);
    }

    private static final List<String> PLACEHOLDER_PARTS = List.of(
        "your", "xxxx", "example", "placeholder", "changeme", "change_me", "change-me", "dummy", "sample",
        "insert", "replace", "redacted", "fake", "<", ">", "${", "{{", "...", "\u2026", "***", "todo", "fixme",
        "here", "secret_key", "my_key", "mykey", "api_key", "apikey", "abcdef", "123456", "000000", "os.environ",
        "getenv", "password");

    /** True for values that only stand in for a secret ({@code YOUR_API_KEY}, {@code <token>}, {@code sk-xxxx}...). */
    public static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT).strip();
        if (lower.isEmpty() || lower.equals("none") || lower.equals("null") || lower.equals("nan")) {
            return true;
        }
        for (String part : PLACEHOLDER_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        if (lower.chars().distinct().count() <= 2) {
            return true;
        }
        return lower.startsWith("$") || lower.startsWith("%") || (lower.startsWith("{") && lower.endsWith("}"));
    }

    /** Shannon entropy of a string, in bits per character. */
    public static double entropy(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / value.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)^(?:bearer|token|basic|apikey|key)\\s+");

    /**
     * True when a literal value given to a credential-named variable, key or argument looks like a real secret:
     * a known token format, or long and random enough, and not a placeholder, a word, a path or a number.
     */
    public static boolean looksLikeSecret(String raw) {
        String value = AUTH_SCHEME.matcher(raw.strip()).replaceFirst("");
        if (!find(value).isEmpty()) {
            return true;
        }
        if (value.length() < 8 || value.length() > 200 || value.chars().anyMatch(Character::isWhitespace)
            || isPlaceholder(value)) {
            return false;
        }
        if (value.matches("[A-Za-z_.\\-]+") || value.matches("[0-9.\\-_:]+")) {
            return false; // a word, an identifier, a number, a date or a version
        }
        if (value.startsWith("/") || value.startsWith("./") || value.startsWith("~") || value.contains("://")
            || value.matches("[A-Za-z]:\\\\.*") || value.matches(".*\\.(?i:json|txt|csv|pem|key|pkl|yaml|yml|ini|cfg|env|p12|pickle)")) {
            return false; // a path or a URL: where the secret lives, not the secret
        }
        if (value.matches("[\\\\()\\[\\]?*+|.^$wWdDsSbB{},0-9u-]+") || value.contains("\\w") || value.contains("(?")) {
            return false; // a regular expression
        }
        int classes = classes(value);
        double entropy = entropy(value);
        boolean letter = value.chars().anyMatch(Character::isLetter);
        boolean digit = value.chars().anyMatch(Character::isDigit);
        return value.length() >= 12 && entropy >= 3.3 && letter && (digit || classes >= 3)
            || value.length() >= 8 && classes >= 3 && entropy >= 2.5
            || value.length() >= 16 && entropy >= 3.0 && letter && digit;
    }

    private static int classes(String value) {
        int classes = 0;
        classes += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += value.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return classes;
    }

    private static final Set<String> SECRET_WORDS = Set.of(
        "password", "passwd", "pwd", "pw", "passphrase", "secret", "token", "apikey", "auth", "authorization",
        "credential", "credentials", "pass", "bearer", "privatekey", "accesskey", "secretkey", "apitoken");
    private static final Set<String> KEY_QUALIFIERS = Set.of(
        "api", "access", "secret", "private", "auth", "signing", "client", "app", "account", "master", "encryption",
        "consumer", "subscription", "license", "service", "openai", "stripe", "aws", "google", "gcp", "azure");
    private static final Set<String> NOT_SECRET_TOKENS = Set.of(
        "pad", "unk", "bos", "eos", "cls", "sep", "mask", "start", "end", "special", "oov", "new", "next", "max",
        "num", "first", "last", "stop", "sos", "begin", "split", "prev", "current", "page", "csrf", "sentence");

    /**
     * True when a variable, attribute, key or argument name says it holds a credential: {@code API_KEY},
     * {@code db_password}, {@code clientSecret}, {@code access_token}; not {@code tokenizer}, {@code token_count},
     * {@code password_field} or {@code pad_token}.
     */
    public static boolean isCredentialName(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        String previous = words.size() >= 2 ? words.get(words.size() - 2) : "";
        if (last.equals("key")) {
            return KEY_QUALIFIERS.contains(previous);
        }
        if (!SECRET_WORDS.contains(last)) {
            return false;
        }
        if (last.equals("token") && NOT_SECRET_TOKENS.contains(previous)) {
            return false;
        }
        return true;
    }

    private static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^A-Za-z0-9]+", " ");
        List<String> words = new ArrayList<>();
        for (String word : spaced.strip().split(" ")) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static boolean variedBody(String token) {
        int cut = Math.max(token.lastIndexOf('_'), token.indexOf('-') >= 0 && token.indexOf('-') < 8 ? token.indexOf('-') : -1);
        String body = cut >= 0 && cut < token.length() - 8 ? token.substring(cut + 1) : token;
        return body.chars().distinct().count() >= 8 && entropy(body) >= 3.0;
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }

    private static boolean mixedCase(String s) {
        return s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase);
    }

    private static boolean mixedCaseAndDigits(String s) {
        return mixedCase(s) && hasDigit(s);
    }
}
