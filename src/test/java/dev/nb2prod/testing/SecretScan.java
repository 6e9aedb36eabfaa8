package dev.nb2prod.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Collects everything a command wrote (its streams, the files under its output folders) and finds the complete
 * secrets in it, raw or in the escaped forms JSON, SARIF, HTML, Mermaid and DOT writers produce. Files are read
 * as ISO-8859-1, one character per byte, so an ASCII secret is found in any file, text or binary.
 */
public final class SecretScan {
    private final List<String> leaks = new ArrayList<>();
    private final Set<String> secrets;
    private int scannedTexts;
    private long scannedChars;

    public SecretScan(Collection<String> secrets) {
        this.secrets = new LinkedHashSet<>(secrets);
    }

    /** Checks one text (named by {@code where}, e.g. {@code "assess --format json: stdout"}). */
    public void text(String where, String text) {
        scannedTexts++;
        scannedChars += text.length();
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                int at = text.indexOf(form);
                if (at >= 0) {
                    int from = Math.max(0, at - 60);
                    int to = Math.min(text.length(), at + form.length() + 20);
                    leaks.add(where + ": " + secret + " in ..." + text.substring(from, to).replace("\n", "\\n") + "...");
                    break;
                }
            }
        }
    }

    /** Checks the streams of an in-process run. */
    public void run(String what, Cli run) {
        text(what + ": stdout", run.out());
        text(what + ": stderr", run.err());
    }

    /** Checks every regular file under {@code root} (a file or a folder; nothing when absent). */
    public void files(String what, Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                text(what + ": " + root.relativize(file), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> leaks() {
        return List.copyOf(leaks);
    }

    public int scannedTexts() {
        return scannedTexts;
    }

    public long scannedChars() {
        return scannedChars;
    }

    private static String mermaid(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '|' -> out.append("#124;");
                case '#' -> out.append("#35;");
                case '&' -> out.append("#amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The secret and the forms output writers may turn it into. */
    static Set<String> forms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/")); // JSON, with escaped '/'
        forms.add(secret.replace("\\", "\\\\").replace("\"", "\\\""));                   // JSON, DOT
        forms.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("'", "&#39;"));                                                      // HTML, SVG
        forms.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("'", "&#x27;"));
        forms.add(mermaid(secret));
        forms.add(secret.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
            .replace("\r", "%0D").replace("\n", "%0A"));                                  // GitHub annotations
        return forms;
    }
}
