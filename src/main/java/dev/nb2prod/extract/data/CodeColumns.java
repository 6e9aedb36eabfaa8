package dev.nb2prod.extract.data;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a data file the notebook's code names: string literals and attribute names equal to a header
 * field, and the target column, the one the code takes as the label ({@code y = df["churned"]},
 * {@code df.pop("label")}, {@code target = "price"}, {@code X = df.drop(columns=["churned"])}).
 */
public final class CodeColumns {
    private static final Pattern LITERAL = Pattern.compile("(['\"])((?:(?!\\1)[^\\\\\\n]){1,200})\\1");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\.([A-Za-z_]\\w*)\\b(?!\\s*\\()");
    private static final List<Pattern> TARGET = List.of(
        Pattern.compile("(?m)^\\s*y\\w*\\s*=\\s*\\w+\\s*\\[\\s*(['\"])(.+?)\\1\\s*]"),
        Pattern.compile("(?m)^\\s*y\\w*\\s*=\\s*\\w+\\.(\\w+)()\\s*$"),
        Pattern.compile("\\.pop\\(\\s*(['\"])(.+?)\\1\\s*\\)"),
        Pattern.compile("(?m)^\\s*(?:target|label|target_col\\w*|label_col\\w*|y_col\\w*)\\s*=\\s*(['\"])(.+?)\\1"),
        Pattern.compile("(?m)^\\s*X\\w*\\s*=\\s*\\w+\\.drop\\(\\s*(?:columns\\s*=\\s*)?\\[?\\s*(['\"])(.+?)\\1\\s*]?"
            + "\\s*(?:,\\s*axis\\s*=\\s*1\\s*)?\\)"));

    private CodeColumns() {}

    /** The header fields the code names, in header order. */
    public static List<String> used(List<String> bodies, List<String> header) {
        Set<String> named = new LinkedHashSet<>();
        for (String body : bodies) {
            Matcher literal = LITERAL.matcher(body);
            while (literal.find()) {
                named.add(literal.group(2));
            }
            Matcher attribute = ATTRIBUTE.matcher(body);
            while (attribute.find()) {
                named.add(attribute.group(1));
            }
        }
        return header.stream().filter(named::contains).distinct().toList();
    }

    /** The column the code takes as its label, when one of the usual forms names a header field. */
    public static Optional<String> target(List<String> bodies, List<String> header) {
        for (Pattern pattern : TARGET) {
            for (String body : bodies) {
                Matcher m = pattern.matcher(body);
                while (m.find()) {
                    String name = m.group(2).isEmpty() ? m.group(1) : m.group(2);
                    if (header.contains(name)) {
                        return Optional.of(name);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
