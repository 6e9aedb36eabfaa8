package dev.nb2prod.extract.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text resource under {@code extract/templates/} with {@code {{name}}} placeholders. Rendering fails when a
 * placeholder has no value or a value has no placeholder, so templates and code cannot drift apart silently.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code extract/templates/NAME} from the class path. */
    public static Template load(String name) {
        String resource = "/extract/templates/" + name;
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + resource);
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template from a string (for tests). */
    static Template of(String name, String text) {
        return new Template(name, text);
    }

    /** The placeholders the template uses, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Substitutes every placeholder; the values are inserted literally (never re-scanned). */
    public String render(Map<String, String> values) {
        Set<String> used = placeholders();
        for (String key : values.keySet()) {
            if (!used.contains(key)) {
                throw new IllegalArgumentException("template " + name + " has no placeholder {{" + key + "}}");
            }
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + ": no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
