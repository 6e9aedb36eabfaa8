package dev.nb2prod.rules.imports;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NB304: packages installed from the notebook: {@code !pip install}, {@code %pip install}, {@code !conda install},
 * {@code !python -m pip install}, {@code !{sys.executable} -m pip install}, and the same lines in {@code %%bash}
 * cells. The message names the packages and whether their versions are pinned.
 */
public final class PipInstallRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB304", "pip-install-in-notebook", Family.IMPORTS,
        Severity.WARNING,
        "The notebook installs packages itself (`!pip install`, `%pip install`, `!conda install`).",
        """
        Installing from a cell changes the environment every time the notebook runs, usually without versions,
        so two runs can use different libraries. A production job declares its dependencies once, pinned, in a
        requirements or environment file that is installed before the job starts.
        """,
        """
        !pip install xgboost
        import xgboost as xgb
        """,
        """
        # requirements.txt: xgboost==2.0.3
        import xgboost as xgb
        """,
        "`nb2prod extract` leaves the install out of the module and adds the packages to the generated requirements.");

    private static final Pattern COMMAND = Pattern.compile(
        "^\\s*(?:sudo\\s+)?(?:(pip3?|conda|mamba|micromamba)|(?:\\S*python[0-9.]*|\\{sys\\.executable\\}|\\$\\{?\\w+\\}?)\\s+-m\\s+(pip))"
            + "\\s+install\\b(.*)$");
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of(
        "-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
        "-t", "--target", "--prefix", "--root", "--channel", "-n", "--name", "-p", "--platform", "--python-version",
        "--trusted-host", "--src", "--upgrade-strategy", "--progress-bar", "--cache-dir", "--log");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            AstWalker.walk(cell.module(), n -> {
                if (n instanceof Expr.Magic m && !m.name().isEmpty()) {
                    inspect(m.name() + " " + m.argsText()).ifPresent(msg -> context.report(cell.index(), m.span(), msg));
                } else if (n instanceof Stmt.CellMagic m && m.parsedBody() == null
                    && Set.of("bash", "sh", "script", "system").contains(m.name())) {
                    List<String> lines = List.of(m.bodyText().split("\n", -1));
                    for (int i = 0; i < lines.size(); i++) {
                        int line = m.span().startLine() + 1 + i;
                        String text = lines.get(i);
                        inspect(text).ifPresent(msg -> context.report(cell.index(),
                            new Span(line, 0, line, text.length()), msg));
                    }
                }
            });
        }
    }

    /** The finding's message when {@code command} (a shell command line) installs packages. */
    static Optional<String> inspect(String command) {
        String first = command.split("&&|;|\\|\\|?|#")[0];
        Matcher m = COMMAND.matcher(first);
        if (!m.find()) {
            return Optional.empty();
        }
        String tool = m.group(1) != null ? m.group(1) : m.group(2);
        boolean conda = tool.equals("conda") || tool.endsWith("mamba");
        List<String> pinned = new ArrayList<>();
        List<String> unpinned = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        List<String> files = new ArrayList<>();
        String[] tokens = m.group(3).trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].replaceAll("^['\"]|['\"]$", "");
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("-") || token.equals("--")) {
                i++;
                continue;
            }
            if (token.startsWith("-")) {
                String option = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
                if ((option.equals("-r") || option.equals("--requirement")) && i + 1 < tokens.length && !token.contains("=")) {
                    files.add(tokens[i + 1]);
                }
                if (OPTIONS_WITH_VALUE.contains(option) && !token.contains("=")) {
                    i++;
                }
                continue;
            }
            if (token.matches("[<>].*") || token.startsWith("$") || token.startsWith("{")) {
                continue;
            }
            boolean exact = token.contains("==") || conda && token.matches("[^=<>~!]+=[^=].*")
                || token.matches("(git\\+|https?://).*@[^/]+") || token.matches(".*\\.(whl|tar\\.gz|zip)");
            if (exact) {
                pinned.add(token);
            } else if (token.matches(".*(~=|>=|<=|!=|[<>]).*")) {
                ranges.add(token);
            } else {
                unpinned.add(token);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!unpinned.isEmpty()) {
            parts.add("not pinned: " + String.join(", ", unpinned));
        }
        if (!ranges.isEmpty()) {
            parts.add("version range only: " + String.join(", ", ranges));
        }
        if (!pinned.isEmpty()) {
            parts.add("pinned: " + String.join(", ", pinned));
        }
        if (!files.isEmpty()) {
            parts.add("from " + String.join(", ", files));
        }
        String what = parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
        return Optional.of((conda ? tool + " install" : "pip install") + " in the notebook" + what
            + ": declare the dependencies in " + (conda ? "an environment.yml" : "a requirements") + " file instead");
    }
}
