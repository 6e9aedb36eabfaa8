package dev.nb2prod.rules.credentials;

import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Output;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.rules.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NB402: a secret in a saved output (printed, displayed, in a traceback): a token of a known format, or a
 * random-looking value shown as {@code password=...} / {@code "api_key": "..."}.
 */
public final class SecretInOutputRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB402", "secret-in-output", Family.CREDENTIALS, Severity.ERROR,
        "A password, API key or token is saved in a cell output.",
        """
        Outputs are saved in the .ipynb file and shown by every viewer: a key printed "to check it is loaded", a
        connection string in a traceback or a config dictionary displayed at the end of a cell leaks with the
        notebook even when the code reads the secret from the environment. Secret scanners that read the file
        line by line miss most of these, and clearing the code does not clear the output.
        """,
        """
        API_KEY = os.environ["STRIPE_API_KEY"]
        print(API_KEY)
        """,
        """
        API_KEY = os.environ["STRIPE_API_KEY"]
        print("API key loaded:", bool(API_KEY))
        """,
        """
        `nb2prod extract` never copies outputs. In the notebook, clear the output (`jupyter nbconvert
        --clear-output`), remove the print, and rotate the secret: it is in the history of the file.
        """);

    private static final Pattern KEY_VALUE = Pattern.compile(
        "(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_.-]{0,40})[\"']?\\s{0,2}[:=]\\s{0,2}[\"']?(?:(?i:bearer|token|basic)\\s+)?"
            + "([^\\s\"'<>,;&()\\[\\]{}]{8,200})");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (CodeCell cell : context.notebook().codeCells()) {
            for (int o = 0; o < cell.outputs().size(); o++) {
                Output output = cell.outputs().get(o);
                Set<String> seen = new HashSet<>();
                for (SourceText text : output.texts()) {
                    scan(context, cell.index(), o, text, seen);
                }
            }
        }
    }

    private static void scan(RuleContext context, int cellIndex, int outputIndex, SourceText text, Set<String> seen) {
        String clean = Texts.withoutAnsi(text.text());
        List<Secrets.Match> matches = Secrets.find(clean);
        Set<String> inFormats = new HashSet<>();
        for (Secrets.Match match : matches) {
            inFormats.add(match.secret());
            if (seen.add(match.secret())) {
                report(context, cellIndex, outputIndex, text, clean, match.start(),
                    match.kind() + " " + match.shown(), match.secret());
            }
        }
        Matcher m = KEY_VALUE.matcher(clean);
        while (m.find()) {
            String name = m.group(1);
            String value = m.group(2);
            if (!Secrets.isCredentialName(name) || inFormats.contains(value) || !Secrets.find(value).isEmpty()
                || !Secrets.looksLikeSecret(value) || !seen.add(value)) {
                continue;
            }
            report(context, cellIndex, outputIndex, text, clean, m.start(2),
                "value of " + name + " " + Secrets.mask(value), value);
        }
    }

    private static void report(RuleContext context, int cellIndex, int outputIndex, SourceText text, String clean,
                               int offset, String what, String secret) {
        Texts.Position at = Texts.position(clean, offset);
        context.reportOutput(cellIndex, outputIndex, text, at.line(), at.column() + 1,
            what + " in output " + (outputIndex + 1) + ": clear the output and rotate the secret",
            Secrets.hash(secret));
    }
}
