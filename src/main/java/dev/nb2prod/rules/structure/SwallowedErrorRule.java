package dev.nb2prod.rules.structure;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.ExceptHandler;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Set;

/** NB602: an exception handler that hides errors (bare {@code except:}, or a broad one that does nothing). */
final class SwallowedErrorRule implements Rule {
    private static final Set<String> BROAD = Set.of("Exception", "BaseException");
    private static final RuleInfo INFO = new RuleInfo("NB602", "swallowed-error", Family.STRUCTURE, Severity.WARNING,
        "An exception handler catches everything (bare `except:`) or catches `Exception` and does nothing.",
        """
        In a notebook a swallowed error is visible to nobody: the cell 'works', the data is silently incomplete,
        and the pipeline built from it fails far from the cause. A bare `except:` also catches
        `KeyboardInterrupt` and `SystemExit`, so the job cannot even be stopped cleanly.
        """,
        """
        for path in paths:
            try:
                frames.append(pd.read_csv(path))
            except:
                pass
        """,
        """
        for path in paths:
            try:
                frames.append(pd.read_csv(path))
            except (FileNotFoundError, pd.errors.ParserError) as error:
                log.warning("skipping %s: %s", path, error)
        """,
        "`nb2prod extract` keeps the handler as written and lists it as a TODO in the generated README: choose the "
            + "exceptions to catch and log them.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            for (Stmt.Try t : AstWalker.find(cell.module(), Stmt.Try.class)) {
                if (onlyMagics(t.body())) {
                    continue; // probing the environment: `try: %tensorflow_version 2.x except Exception: pass`
                }
                for (ExceptHandler handler : t.handlers()) {
                    String message = message(handler);
                    if (message != null) {
                        Span s = handler.span();
                        context.report(cell.index(), new Span(s.startLine(), s.startCol(), s.startLine(),
                            s.startCol() + "except".length()), message);
                    }
                }
            }
        }
    }

    private static String message(ExceptHandler handler) {
        boolean empty = doesNothing(handler.body());
        if (handler.type() == null) {
            if (reraises(handler.body())) {
                return null;
            }
            return empty
                ? "bare 'except: " + firstWord(handler.body()) + "' hides every error, KeyboardInterrupt included: "
                    + "catch the exceptions you expect and log them"
                : "bare 'except:' also catches KeyboardInterrupt and SystemExit: catch the exceptions you expect";
        }
        String broad = broadType(handler.type());
        if (broad != null && empty) {
            return "'except " + broad + ": " + firstWord(handler.body()) + "' hides every error: catch the "
                + "exceptions you expect and log them";
        }
        return null;
    }

    private static String broadType(Expr type) {
        if (type instanceof Expr.Name n && BROAD.contains(n.id())) {
            return n.id();
        }
        if (type instanceof Expr.TupleExpr tuple) {
            for (Expr e : tuple.elts()) {
                if (e instanceof Expr.Name n && BROAD.contains(n.id())) {
                    return n.id();
                }
            }
        }
        return null;
    }

    private static boolean onlyMagics(List<Stmt> body) {
        return !body.isEmpty() && body.stream().allMatch(s -> s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Magic);
    }

    /** True when the body is only {@code pass}, {@code ...} or {@code continue}. */
    private static boolean doesNothing(List<Stmt> body) {
        for (Stmt s : body) {
            boolean nothing = s instanceof Stmt.Pass || s instanceof Stmt.Continue
                || (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.EllipsisLit);
            if (!nothing) {
                return false;
            }
        }
        return true;
    }

    private static String firstWord(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof Stmt.Continue) {
            return "continue";
        }
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt) {
            return "...";
        }
        return "pass";
    }

    /** True when the handler re-raises (a bare {@code raise} or {@code raise X from ...}) somewhere in it. */
    private static boolean reraises(List<Stmt> body) {
        for (Stmt s : body) {
            boolean[] found = {false};
            AstWalker.walk(s, n -> !(n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef), n -> {
                if (n instanceof Stmt.Raise) {
                    found[0] = true;
                }
            });
            if (found[0]) {
                return true;
            }
        }
        return false;
    }
}
