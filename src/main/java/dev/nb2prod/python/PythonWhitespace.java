package dev.nb2prod.python;

/** Python's notion of whitespace ({@code str.isspace}, {@code str.split()}, {@code str.rstrip()}), not Java's. */
final class PythonWhitespace {

    private PythonWhitespace() {
    }

    static boolean isSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= ' ') || c == '\u0085' || c == '\u00a0'
                || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029'
                || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /** True for an empty text or one of whitespace only ({@code not line or line.isspace()}). */
    static boolean isBlank(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The length of {@code s} without its trailing whitespace ({@code len(s.rstrip())}). */
    static int rstripLength(CharSequence s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
