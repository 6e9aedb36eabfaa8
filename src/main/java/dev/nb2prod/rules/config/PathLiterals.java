package dev.nb2prod.rules.config;

import dev.nb2prod.rules.Payload;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises file-system paths and storage URIs in string literals (their text as written, escapes kept). */
final class PathLiterals {
    private static final Pattern POSIX_ABSOLUTE = Pattern.compile(
        "/(home|Users|data|datasets|mnt|tmp|var|opt|srv|media|Volumes|root|content|kaggle|workspace|scratch|"
            + "storage|gpfs|nfs|shared|projects|dbfs|lustre|efs|export|net|private|usr/local/data)/[^\\s/][^\\n]*");
    private static final Pattern WINDOWS = Pattern.compile("[A-Za-z]:(\\\\{1,2}|/)[^\\n]+");
    private static final Pattern HOME = Pattern.compile("~/[^\\s][^\\n]*");
    private static final Pattern UNC = Pattern.compile("\\\\{2,4}[A-Za-z0-9._$-]+\\\\{1,2}[A-Za-z0-9._$-][^\\n]*");
    private static final Pattern CLOUD = Pattern.compile("(s3a?|s3n|gs|gcs|abfss?|wasbs?|hdfs|adl|az|oss)://[^\\s]+|dbfs:/[^\\s]+");
    private static final Pattern REGEX_CHARS = Pattern.compile("[\\^$()\\[\\]{}|+?]|\\\\[dwsbDWSB.]");
    private static final Pattern FILE_LIKE = Pattern.compile("[^\\n]*\\.[A-Za-z][A-Za-z0-9]{0,7}");
    private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*");

    private PathLiterals() {}

    enum Kind {
        POSIX("absolute path", Payload.PathKind.ABSOLUTE), WINDOWS("Windows path", Payload.PathKind.WINDOWS),
        HOME("home-relative path", Payload.PathKind.HOME), UNC("network share path", Payload.PathKind.NETWORK_SHARE),
        CLOUD("cloud storage URI", Payload.PathKind.CLOUD);

        final String label;
        final Payload.PathKind payloadKind;

        Kind(String label, Payload.PathKind payloadKind) {
            this.label = label;
            this.payloadKind = payloadKind;
        }
    }

    /** The kind of machine-specific location {@code text} is, if it is one. */
    static Optional<Kind> absolute(String text) {
        String t = text.strip();
        if (t.length() < 4 || t.contains("\n") || t.length() > 400) {
            return Optional.empty();
        }
        if (CLOUD.matcher(t).matches()) {
            return Optional.of(Kind.CLOUD);
        }
        if (UNC.matcher(t).matches() && !prose(t)) {
            return Optional.of(Kind.UNC);
        }
        if (WINDOWS.matcher(t).matches() && !prose(t)) {
            return Optional.of(Kind.WINDOWS);
        }
        if (HOME.matcher(t).matches() && !prose(t) && !REGEX_CHARS.matcher(t).find()) {
            return Optional.of(Kind.HOME);
        }
        if (POSIX_ABSOLUTE.matcher(t).matches() && !prose(t) && !REGEX_CHARS.matcher(t).find()) {
            return Optional.of(Kind.POSIX);
        }
        return Optional.empty();
    }

    /**
     * A relative path to a file: not absolute, not a URL, has a file extension or a directory separator, and
     * is not a sentence, a SQL query or a pattern.
     */
    static boolean relativeFile(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.contains("\n") || absolute(t).isPresent() || URL.matcher(t).matches()
            || t.startsWith("/") || t.matches("[A-Za-z]:.*") || t.startsWith("~") || t.startsWith("\\\\")
            || prose(t) || t.contains("{") || t.contains("%") || REGEX_CHARS.matcher(t.replace("(", "").replace(")", "")).find()
            || t.toLowerCase(Locale.ROOT).matches("(select|with|insert|update|delete|create)\\s.*")) {
            return false;
        }
        boolean separator = t.contains("/") && !t.equals("/") && t.matches("[\\w.\\-/ *]+");
        return FILE_LIKE.matcher(t).matches() && !t.matches("\\d+(\\.\\d+)+") || separator;
    }

    /** Text with words separated by spaces that reads like a sentence rather than a path. */
    private static boolean prose(String t) {
        return t.matches(".*\\s(is|are|the|a|an|to|of|and|or|in|for|with|from|not|at|on)\\s.*")
            || t.matches(".*[.!?:]\\s+\\S.*") || t.split("\\s+").length > 6;
    }
}
