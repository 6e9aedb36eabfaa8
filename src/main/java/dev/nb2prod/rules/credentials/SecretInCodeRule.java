package dev.nb2prod.rules.credentials;

import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.DictItem;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.rules.Severity;
import dev.nb2prod.python.ast.Module;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * NB401: a secret written in a code cell, either a token of a known format anywhere in the source (literals,
 * comments, shell commands) or a random-looking literal given to a credential-named variable, key or argument.
 */
public final class SecretInCodeRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB401", "secret-in-code", Family.CREDENTIALS, Severity.ERROR,
        "A password, API key or token is written in a code cell.",
        """
        A notebook is shared, committed, rendered on GitHub and attached to tickets: every secret in it leaks with
        it, and stays in the version history after it is removed. A secret in code also ties the code to one
        account and one environment. Rotate the secret, then read it from the environment or a secret manager.
        """,
        """
        API_KEY = "sk_live_51OqT7vKx2mWbR9cLzE4hN8pY"
        client = stripe.StripeClient(API_KEY)
        """,
        """
        API_KEY = os.environ["STRIPE_API_KEY"]
        client = stripe.StripeClient(API_KEY)
        """,
        """
        `nb2prod extract` replaces the literal with a read of an environment variable named after the variable
        (`os.environ["API_KEY"]`) and lists the variable in the generated `.env.example`, without its value.
        """);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        Map<Integer, Module> modules = new HashMap<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            modules.put(cell.index(), cell.module());
        }
        for (CodeCell cell : context.notebook().codeCells()) {
            Set<String> reported = new HashSet<>();
            String source = cell.source().text();
            for (Secrets.Match match : Secrets.find(source)) {
                Texts.Position start = Texts.position(source, match.start());
                Texts.Position end = Texts.position(source, match.end());
                context.report(cell.index(), new Span(start.line(), start.column(), end.line(), end.column()),
                    match.kind() + " " + match.shown() + " in code: read it from the environment",
                    new Payload.SecretValue(match.kind()));
                reported.add(match.secret());
            }
            Module module = modules.get(cell.index());
            if (module != null) {
                AstWalker.walk(module, node -> checkNode(context, cell.index(), node, reported));
            }
        }
    }

    private static void checkNode(RuleContext context, int cellIndex, Node node, Set<String> reported) {
        switch (node) {
            case Stmt.Assign a -> a.targets().forEach(t -> check(context, cellIndex, targetName(t), a.value(), reported));
            case Stmt.AnnAssign a -> check(context, cellIndex, targetName(a.target()), a.value(), reported);
            case Expr.NamedExpr n -> check(context, cellIndex, n.target().id(), n.value(), reported);
            case DictItem item when item.key() instanceof Expr.Str key ->
                check(context, cellIndex, key.value(), item.value(), reported);
            case Arg arg when arg.kind() == Arg.Kind.KEYWORD -> {
                if (arg.keyword().equals("auth") && arg.value() instanceof Expr.TupleExpr tuple
                    && tuple.elts().size() == 2) {
                    check(context, cellIndex, "password", tuple.elts().get(1), reported);
                } else {
                    check(context, cellIndex, arg.keyword(), arg.value(), reported);
                }
            }
            default -> { }
        }
    }

    private static String targetName(Expr target) {
        return switch (target) {
            case Expr.Name n -> n.id();
            case Expr.Attribute a -> a.attr();
            case Expr.Subscript s when s.slice() instanceof Expr.Str key -> key.value();
            default -> "";
        };
    }

    private static void check(RuleContext context, int cellIndex, String name, Expr value, Set<String> reported) {
        if (!(value instanceof Expr.Str str) || name.isEmpty() || !Secrets.isCredentialName(name)) {
            return;
        }
        String text = str.value();
        if (!Secrets.find(text).isEmpty() || reported.contains(text) || !Secrets.looksLikeSecret(text)) {
            return; // token formats are reported by the source scan
        }
        reported.add(text);
        String kind = what(name);
        context.report(cellIndex, str.span(), kind + " " + Secrets.mask(text) + " assigned to " + name
            + " in code: read it from the environment", new Payload.SecretValue(kind));
    }

    private static String what(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("pass") || lower.contains("pwd") || lower.endsWith("pw")) {
            return "password";
        }
        if (lower.contains("token")) {
            return "token";
        }
        if (lower.endsWith("key")) {
            return "API key";
        }
        return "secret";
    }
}
