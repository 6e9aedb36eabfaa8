package dev.nb2prod.extract.plan;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The identifiers a piece of code mentions (a superset of the names it reads: strings and comments count too). */
final class Words {
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*");

    private Words() {}

    static Set<String> identifiers(String code) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
