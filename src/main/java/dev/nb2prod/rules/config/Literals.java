package dev.nb2prod.rules.config;

import dev.nb2prod.python.ast.Expr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading literals: numbers (with an optional sign) and short renderings of strings for messages. */
final class Literals {
    private static final int MAX_SHOWN = 60;

    private Literals() {}

    /** A signed number literal: its value and its source text. */
    record Number(BigDecimal value, String text) {}

    /** The value of {@code 12}, {@code -0.5}, {@code 1_000}, {@code 0x1F}; empty for anything else (complex included). */
    static Optional<Number> number(Expr expr) {
        if (expr instanceof Expr.UnaryOp u && (u.op().equals("-") || u.op().equals("+")) && u.operand() instanceof Expr.Num n) {
            return parse(n.text()).map(v -> new Number(u.op().equals("-") ? v.negate() : v, u.op() + n.text()));
        }
        if (expr instanceof Expr.Num n) {
            return parse(n.text()).map(v -> new Number(v, n.text()));
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> parse(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        if (t.endsWith("j")) {
            return Optional.empty();
        }
        if (t.endsWith("l")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            if (t.startsWith("0x")) {
                return Optional.of(new BigDecimal(new BigInteger(t.substring(2), 16)));
            }
            if (t.startsWith("0o")) {
                return Optional.of(new BigDecimal(new BigInteger(t.substring(2), 8)));
            }
            if (t.startsWith("0b")) {
                return Optional.of(new BigDecimal(new BigInteger(t.substring(2), 2)));
            }
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when {@code value} equals (numerically) one of the allowed numbers. */
    static boolean allowed(BigDecimal value, List<String> allow) {
        for (String a : allow) {
            Optional<BigDecimal> parsed = parse(a.strip());
            if (parsed.isPresent() && parsed.get().compareTo(value) == 0) {
                return true;
            }
        }
        return false;
    }

    /** A string for a message, quoted, cut at 60 characters. */
    static String quote(String text) {
        String oneLine = text.replace("\n", "\\n");
        return "\"" + (oneLine.length() > MAX_SHOWN ? oneLine.substring(0, MAX_SHOWN - 1) + "…" : oneLine) + "\"";
    }

    /** {@code "Total Revenue"} gives {@code total_revenue}; empty when nothing usable is left. */
    static String snake(String text) {
        String s = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "" : s;
    }
}
