package dev.nb2prod.extract.plan;

import dev.nb2prod.graph.DisplayCalls;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.IPythonTransform;
import dev.nb2prod.python.TextEdit;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.ExceptHandler;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the source of one kept cell into function-body text with edits located by AST spans, so comments and
 * the author's formatting survive: turns IPython's escapes into the Python IPython runs ({@link IPythonTransform}),
 * drops imports, magics, display-only statements and notebook settings, turns
 * simple {@code print} checks into {@code logger.info}, replaces hoisted literals and renamed constants, and adds
 * {@code random_state=random_seed} where asked.
 */
public final class CellRewriter {

    /**
     * What to change besides the clean-up every cell gets.
     *
     * @param literals literal span → replacement text (a parameter name or an environment read)
     * @param deleted statements to remove (hoisted constant assignments, seeding calls)
     * @param renames name → replacement text for every read of the name
     * @param secretNames names (after renaming) whose printing must be dropped, never logged
     * @param display statement starts (line, 0-based column) the display rules flagged
     * @param randomState calls that get {@code random_state=<name>} appended
     * @param seedParameter the parameter name for {@code randomState}
     * @param results statement spans of displayed results → the statement that replaces them, with
     *     {@link #EXPRESSION} standing for the displayed expression ({@code name = {expression}})
     * @param names the notebook's imports, to tell display calls and settings ({@link DisplayCalls})
     */
    public record Request(Map<Span, String> literals, Set<Span> deleted, Map<String, String> renames,
                          Set<String> secretNames, Set<Span> display, Set<Span> randomState, String seedParameter,
                          Map<Span, String> results, QualifiedNames names) {
        /** A request that only tidies a cell (no hoisting, no results). */
        public static Request plain(QualifiedNames names) {
            return new Request(Map.of(), Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), "random_seed", Map.of(),
                names);
        }
    }

    /**
     * The body text and what was learnt on the way.
     *
     * @param text the whole cell rewritten
     * @param pieces the same text cut at top-level statements: each piece is one or more top-level statements of
     *     the original cell (those sharing a line) with the comments above them, rewritten; pieces left empty
     *     (statements removed, comments only) are omitted
     * @param pipSpecs the requirements of {@code pip install} lines
     * @param notes what was dropped, for the README
     */
    public record Result(String text, List<Piece> pieces, List<String> pipSpecs, List<String> notes) {
        public Result {
            pieces = List.copyOf(pieces);
        }
    }

    /**
     * Top-level statements of the original cell and their rewritten text.
     *
     * @param blankBefore true when a blank line separates it from the piece above in the notebook
     */
    public record Piece(List<Stmt> statements, String text, boolean blankBefore) {
        public Piece {
            statements = List.copyOf(statements);
        }
    }

    private record Edit(int start, int end, String text) {}

    /** In a result's replacement statement, where the displayed expression goes. */
    public static final String EXPRESSION = "{expression}";

    private final SourceMap source;
    private final Module module;
    private final Request request;
    private final int cellNumber;
    private final List<Edit> statementEdits = new ArrayList<>();
    private final List<Edit> innerEdits = new ArrayList<>();
    private final List<String> pipSpecs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Span> fstrings = new ArrayList<>();
    /** Names bound to IPython's shell in this cell ({@code ipython = get_ipython()}): statements using them go too. */
    private final java.util.Set<String> ipythonNames = new java.util.HashSet<>();
    private final List<String> fstringQuotes = new ArrayList<>();

    private CellRewriter(String text, Module module, Request request, int cellNumber) {
        this.source = new SourceMap(text);
        this.module = module;
        this.request = request;
        this.cellNumber = cellNumber;
    }

    /** Rewrites a cell; {@code cellNumber} is 1-based, for notes. */
    public static Result rewrite(String text, Module module, Request request, int cellNumber) {
        return new CellRewriter(text, module, request, cellNumber).run();
    }

    private Result run() {
        List<Stmt> body = module.body();
        if (body.size() == 1 && body.get(0) instanceof Stmt.CellMagic magic) {
            if (magic.parsedBody() == null) {
                notes.add("cell " + cellNumber + ": the %%" + magic.name() + " cell magic is not Python: its code was left out");
                return new Result("", List.of(), pipSpecs, notes);
            }
            // drop the %%magic line, keep the Python under it
            int firstLineEnd = source.lineEndInclusive(source.start(magic.span()));
            statementEdits.add(new Edit(source.start(magic.span()), firstLineEnd, ""));
            body = magic.parsedBody().body();
        }
        collectFStrings();
        // inner edits first: statement replacements (results, logger calls) render their text with them
        inner();
        ipythonSyntax();
        block(body, true);
        String text = apply(0, source.text().length(), true);
        return new Result(tidy(text), pieces(body), pipSpecs, notes);
    }

    /** The rewritten text cut into pieces at the lines where top-level statements end. */
    private List<Piece> pieces(List<Stmt> body) {
        List<Piece> out = new ArrayList<>();
        int start = 0;
        List<Stmt> current = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            current.add(body.get(i));
            int end = source.lineEndInclusive(Math.max(source.start(body.get(i).span()), source.end(body.get(i).span()) - 1));
            boolean sharesLine = i + 1 < body.size() && source.start(body.get(i + 1).span()) < end;
            if (sharesLine) {
                continue;
            }
            if (i == body.size() - 1) {
                end = source.text().length();
            }
            String raw = apply(start, end, true);
            String text = tidy(raw);
            if (!text.isEmpty()) {
                out.add(new Piece(current, text, raw.stripLeading().length() < raw.length()
                    && raw.substring(0, raw.length() - raw.stripLeading().length()).contains("\n")));
            }
            current = new ArrayList<>();
            start = end;
        }
        return out;
    }

    private void collectFStrings() {
        AstWalker.walk(module, n -> {
            if (n instanceof Expr.FString f) {
                fstrings.add(f.span());
                String raw = source.slice(f.span());
                String quote = raw.replaceFirst("^[A-Za-z]*", "");
                fstringQuotes.add(quote.startsWith("'") ? "'" : "\"");
            }
        });
    }

    // ---------------------------------------------------------------- statements

    private void block(List<Stmt> statements, boolean topLevel) {
        List<Stmt> removed = new ArrayList<>();
        for (Stmt s : statements) {
            String replacement = decide(s, topLevel);
            if (replacement == null) {
                descend(s);
            } else if (replacement.isEmpty()) {
                removed.add(s);
            } else {
                statementEdits.add(new Edit(source.start(s.span()), source.end(s.span()), replacement));
            }
            if (replacement == null || !replacement.isEmpty()) {
                dropEndingSemicolon(s);
            }
        }
        boolean emptied = !topLevel && removed.size() == statements.size() && !statements.isEmpty();
        for (int i = 0; i < removed.size(); i++) {
            Stmt s = removed.get(i);
            if (emptied && i == 0) {
                statementEdits.add(new Edit(source.start(s.span()), source.end(s.span()), "pass"));
            } else {
                delete(s.span());
            }
        }
    }

    /**
     * Removes the {@code ;} that ends a simple statement's line ({@code plt.hist(x);}): in a notebook it hides the
     * displayed value, in a module it is only noise (pycodestyle E703).
     */
    private void dropEndingSemicolon(Stmt s) {
        if (s instanceof Stmt.If || s instanceof Stmt.For || s instanceof Stmt.While || s instanceof Stmt.With
            || s instanceof Stmt.Try || s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef
            || s instanceof Stmt.Match || s instanceof Stmt.CellMagic) {
            return;
        }
        String text = source.text();
        int end = source.end(s.span());
        int semicolon = text.substring(source.start(s.span()), end).stripTrailing().endsWith(";")
            ? text.lastIndexOf(';', end - 1) : -1;
        int lineEnd = source.lineEndInclusive(Math.max(source.start(s.span()), end - 1));
        int e = semicolon >= 0 ? semicolon + 1 : end;
        if (semicolon < 0) {
            while (e < lineEnd && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
                e++;
            }
            if (e >= lineEnd || text.charAt(e) != ';') {
                return;
            }
            semicolon = e++;
        }
        String rest = text.substring(e, lineEnd).strip();
        if (rest.isEmpty() || rest.startsWith("#")) {
            statementEdits.add(new Edit(semicolon, semicolon + 1, ""));
        }
    }

    private void descend(Stmt s) {
        switch (s) {
            case Stmt.If x -> {
                block(x.body(), false);
                block(x.orelse(), false);
            }
            case Stmt.For x -> {
                block(x.body(), false);
                block(x.orelse(), false);
            }
            case Stmt.While x -> {
                block(x.body(), false);
                block(x.orelse(), false);
            }
            case Stmt.With x -> block(x.body(), false);
            case Stmt.Try x -> {
                block(x.body(), false);
                for (ExceptHandler h : x.handlers()) {
                    block(h.body(), false);
                }
                block(x.orelse(), false);
                block(x.finalbody(), false);
            }
            default -> { }
        }
    }

    /** null: keep (and look inside); "": remove; else the replacement text. */
    private String decide(Stmt s, boolean topLevel) {
        if (request.deleted().contains(s.span())) {
            return "";
        }
        switch (s) {
            case Stmt.Import i when topLevel -> {
                return "";
            }
            case Stmt.Assign a when ipythonOnly(a.value()) -> {
                notes.add("cell " + cellNumber + ": `" + shorten(source.slice(a.span()))
                    + "` only works inside IPython and was dropped");
                a.targets().forEach(t -> AstWalker.find(t, Expr.Name.class).forEach(n -> ipythonNames.add(n.id())));
                return "";
            }
            case Stmt.Assign a when a.targets().stream().allMatch(this::displayOption) -> {
                notes.add("cell " + cellNumber + ": `" + shorten(source.slice(a.span()))
                    + "` (a notebook display setting) was dropped");
                return "";
            }
            case Stmt.ImportFrom i when topLevel -> {
                return "";
            }
            case Stmt.ObjectInfo o -> {
                return "";
            }
            case Stmt.Print p -> {
                return "";
            }
            case Stmt.CellMagic m -> {
                notes.add("cell " + cellNumber + ": the %%" + m.name() + " magic is not Python: its code was left out");
                return "";
            }
            case Stmt.ExprStmt e -> {
                return expressionStatement(e, topLevel);
            }
            default -> {
                if (containsMagic(s)) {
                    notes.add("cell " + cellNumber + ", line " + s.span().startLine()
                        + ": an IPython magic was removed from `" + shorten(source.slice(s.span())) + "`: rewrite it in Python");
                    return "";
                }
                return null;
            }
        }
    }

    private String expressionStatement(Stmt.ExprStmt e, boolean topLevel) {
        Expr value = e.value();
        if (topLevel && request.results().containsKey(e.span())) {
            return request.results().get(e.span()).replace(EXPRESSION,
                apply(source.start(value.span()), source.end(value.span()), false));
        }
        if (value instanceof Expr.Magic magic) {
            if (magic.kind() == Expr.MagicKind.LINE && magic.parsedArgs() != null
                && !magic.parsedArgs().body().isEmpty()) {
                // %time / %timeit / %prun run Python: keep that code, once
                Span args = magic.parsedArgs().span();
                String code = render(args).strip();
                if (code.isEmpty()) {
                    return "";
                }
                return code;
            }
            pip(magic);
            return "";
        }
        if (containsMagic(e)) {
            return "";
        }
        if (value instanceof Expr.Call call) {
            String callee = Dotted.name(call.func()).orElse("");
            String last = Dotted.lastPart(call.func());
            if (callee.equals("print")) {
                return printToLogger(call);
            }
            if (ipythonOnly(call.func())) {
                notes.add("cell " + cellNumber + ": `" + shorten(source.slice(e.span()))
                    + "` only works inside IPython and was dropped");
                return "";
            }
            if (DisplayCalls.isDisplaySetting(call, request.names())) {
                notes.add("cell " + cellNumber + ": `" + shorten(source.slice(e.span()))
                    + "` (a notebook display setting) was dropped");
                return "";
            }
            java.util.Optional<DisplayCalls.Kind> kind = DisplayCalls.kind(call, request.names());
            boolean shows = last.equals("show") && kind.orElse(null) == DisplayCalls.Kind.DRAWING;
            boolean pure = call.func() instanceof Expr.Attribute && DisplayCalls.PURE_METHODS.contains(last)
                && !inplace(call) && !isModule(call);
            if (request.display().contains(e.span()) || kind.orElse(null) == DisplayCalls.Kind.DISPLAY || shows
                || (kind.orElse(null) == DisplayCalls.Kind.PEEK || pure) && !inplace(call)) {
                return "";
            }
            return null;
        }
        if (value instanceof Expr.Str || value instanceof Expr.FString) {
            return ""; // a stray string (or IPython's ("") for a lone ;): a comment in disguise; an emptied block gets pass
        }
        if (value instanceof Expr.Yield || value instanceof Expr.YieldFrom || value instanceof Expr.Await) {
            return null;
        }
        // bare names, attributes, subscripts, comparisons, arithmetic: shown, never used
        return "";
    }

    /** An expression on IPython's shell: {@code get_ipython()...}, or a name an earlier statement bound to it. */
    private boolean ipythonOnly(Expr value) {
        String root = Dotted.root(value).orElse("");
        return root.equals("get_ipython") || ipythonNames.contains(root);
    }

    /** {@code pd.options.display.max_rows}, {@code InteractiveShell.ast_node_interactivity}: how a notebook shows. */
    private boolean displayOption(Expr target) {
        String q = request.names().qualify(target).orElse(Dotted.name(target).orElse(""));
        return q.startsWith("pandas.options.display.") || q.startsWith("pandas.set_option")
            || q.contains("InteractiveShell.") || q.startsWith("numpy.set_printoptions");
    }

    /** {@code np.mean(x)} and {@code pd.merge(a, b)} are module functions: pure too, but say so only for data. */
    private boolean isModule(Expr.Call call) {
        return call.func() instanceof Expr.Attribute a && Dotted.name(a.value())
            .map(d -> request.names().isImported(d.split("\\.")[0])).orElse(false);
    }

    private static boolean inplace(Expr.Call call) {
        return call.keyword("inplace") instanceof Expr.BoolLit b && b.value();
    }

    private boolean containsMagic(Node n) {
        boolean[] found = {false};
        AstWalker.walk(n, x -> !(x instanceof Stmt.FunctionDef) && !(x instanceof Stmt.ClassDef), x -> {
            if (x instanceof Expr.Magic || x instanceof Stmt.CellMagic || x instanceof Stmt.ObjectInfo) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private void pip(Expr.Magic magic) {
        String name = magic.name();
        String args = magic.argsText() == null ? "" : magic.argsText().strip();
        if (magic.kind() == Expr.MagicKind.LINE && (name.equals("pip") || name.equals("conda"))
            || magic.kind() == Expr.MagicKind.SHELL && (name.equals("pip") || name.equals("pip3")
                || name.equals("conda") || name.endsWith("/pip"))) {
            String[] words = args.split("\\s+");
            if (words.length > 0 && words[0].equals("install")) {
                for (int i = 1; i < words.length; i++) {
                    String w = words[i];
                    if (w.equals("-r") || w.equals("-e") || w.equals("-c") || w.equals("--index-url")
                        || w.equals("-i") || w.equals("--target") || w.equals("-t") || w.equals("-f")) {
                        i++;
                    } else if (!w.startsWith("-") && !w.isEmpty() && !w.contains("/") && !w.contains("$")
                        && !w.contains("{") && !w.startsWith(".")) {
                        pipSpecs.add(w.replaceAll("^['\"]|['\"]$", ""));
                    }
                }
            }
        } else if (magic.kind() == Expr.MagicKind.SHELL) {
            notes.add("cell " + cellNumber + ": the shell command `!" + shorten(name + " " + args)
                + "` was removed: run it outside the pipeline if it is still needed");
        }
    }

    private void delete(Span span) {
        int start = source.start(span);
        int end = source.end(span);
        int lineStart = source.lineStart(start);
        String before = source.text().substring(lineStart, start);
        int lineEnd = source.lineEndInclusive(end);
        String after = source.text().substring(end, lineEnd);
        String afterTrim = after.strip();
        if (before.isBlank() && (afterTrim.isEmpty() || afterTrim.startsWith("#"))) {
            statementEdits.add(new Edit(lineStart, lineEnd, ""));
            return;
        }
        // shares its line with another statement: remove it with its ';' separator
        String text = source.text();
        boolean separated = source.slice(span).stripTrailing().endsWith(";");
        int e = end;
        while (e < lineEnd && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
            e++;
        }
        if (!separated && e < lineEnd && text.charAt(e) == ';') {
            e++;
            separated = true;
        }
        if (before.isBlank()) {
            if (!separated) {
                statementEdits.add(new Edit(start, end, "pass"));
                return;
            }
            while (e < lineEnd && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
                e++;
            }
            String rest = text.substring(e, lineEnd).strip();
            statementEdits.add(rest.isEmpty() || rest.startsWith("#") ? new Edit(lineStart, lineEnd, "")
                : new Edit(start, e, ""));
        } else {
            // "a; b" → "a;" is still valid Python
            statementEdits.add(new Edit(start, separated ? e : end, ""));
        }
    }

    // ---------------------------------------------------------------- print → logger

    private String printToLogger(Expr.Call call) {
        List<String> parts = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Arg a : call.args()) {
            if (a.kind() != Arg.Kind.POSITIONAL) {
                return "";
            }
            if (mentionsSecret(a.value())) {
                return "";
            }
        }
        if (call.args().isEmpty()) {
            return "";
        }
        for (Arg a : call.args()) {
            Expr v = a.value();
            if (v instanceof Expr.Str s && s.prefix().isEmpty() && simpleText(s.value())) {
                parts.add(s.value().replace("%", "%%"));
            } else if (v instanceof Expr.FString f && !f.text().contains("\n")) {
                String converted = fstring(f, args);
                if (converted == null) {
                    return "";
                }
                parts.add(converted);
            } else if (v instanceof Expr.BinOp b && b.op().equals("%") && b.left() instanceof Expr.Str s
                && s.prefix().isEmpty() && simpleText(s.value()) && !(b.right() instanceof Expr.DictExpr)) {
                List<Expr> values = b.right() instanceof Expr.TupleExpr t ? t.elts() : List.of(b.right());
                if (values.stream().anyMatch(x -> x instanceof Expr.Starred)) {
                    return "";
                }
                parts.add(s.value());
                values.forEach(x -> args.add(render(x.span())));
            } else {
                if (v instanceof Expr.Starred) {
                    return "";
                }
                parts.add("%s");
                args.add(render(v.span()));
            }
        }
        String line = "logger.info(\"" + String.join(" ", parts) + "\"" + (args.isEmpty() ? "" : ", "
            + String.join(", ", args)) + ")";
        return line.contains("\n") ? "" : line;
    }

    private static boolean simpleText(String s) {
        return !s.contains("\"") && !s.contains("\n") && !s.endsWith("\\");
    }

    /** {@code f"acc {x:.3f}"} → {@code "acc %.3f"} with {@code x} appended to args; null when not simple. */
    private String fstring(Expr.FString f, List<String> args) {
        String text = f.text();
        if (text.contains("\"") || text.contains("{{") || text.contains("}}") || text.endsWith("\\")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int value = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0 || value >= f.values().size()) {
                    return null;
                }
                String inside = text.substring(i + 1, close);
                if (inside.contains("{") || inside.contains("!") || inside.endsWith("=")) {
                    return null;
                }
                int colon = inside.lastIndexOf(':');
                String spec = colon >= 0 && !inside.contains("[") && !inside.contains("lambda")
                    ? inside.substring(colon + 1) : "";
                if (colon >= 0 && inside.contains("[")) {
                    return null;
                }
                if (spec.isEmpty()) {
                    out.append("%s");
                } else if (spec.matches("\\.?\\d*[dfeEgs]")) {
                    out.append('%').append(spec);
                } else {
                    return null;
                }
                args.add(render(f.values().get(value).span()));
                value++;
                i = close + 1;
            } else {
                out.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
            }
        }
        return value == f.values().size() ? out.toString() : null;
    }

    private boolean mentionsSecret(Expr e) {
        boolean[] found = {false};
        AstWalker.walk(e, n -> {
            if (n instanceof Expr.Name name && (request.secretNames().contains(name.id())
                || (request.renames().containsKey(name.id())
                    && request.renames().get(name.id()).startsWith("os.environ")))) {
                found[0] = true;
            }
            if (n instanceof Expr.Constant c && request.literals().containsKey(c.span())
                && request.literals().get(c.span()).startsWith("os.environ")) {
                found[0] = true;
            }
        });
        return found[0];
    }

    // ---------------------------------------------------------------- inner edits

    private void inner() {
        AstWalker.walk(module, n -> {
            if (n instanceof Expr.Constant c && request.literals().containsKey(c.span())) {
                innerEdits.add(new Edit(source.start(c.span()), source.end(c.span()), quoteFor(c.span(),
                    request.literals().get(c.span()))));
            } else if (n instanceof Expr.UnaryOp u && request.literals().containsKey(u.span())) {
                innerEdits.add(new Edit(source.start(u.span()), source.end(u.span()), request.literals().get(u.span())));
            } else if (n instanceof Expr.Name name && request.renames().containsKey(name.id())) {
                innerEdits.add(new Edit(source.start(name.span()), source.end(name.span()),
                    quoteFor(name.span(), request.renames().get(name.id()))));
            } else if (n instanceof Expr.Call call && request.randomState().contains(call.span())) {
                randomState(call);
            }
        });
    }

    /**
     * The lines IPython transforms (auto-call escapes such as {@code /f a b} or a lone {@code ;}, pasted prompts, an
     * indented cell) become the Python IPython runs. Added last: where another edit covers the same text (a hoisted
     * literal that was an auto-quoted argument), that edit wins.
     */
    private void ipythonSyntax() {
        for (TextEdit e : IPythonTransform.edits(source.text())) {
            innerEdits.add(new Edit(e.start(), e.end(), e.text()));
        }
    }

    private void randomState(Expr.Call call) {
        String kw = "random_state=" + request.seedParameter();
        if (call.args().isEmpty()) {
            int close = source.end(call.span()) - 1;
            innerEdits.add(new Edit(close, close, kw));
        } else {
            Arg last = call.args().get(call.args().size() - 1);
            int end = source.end(last.span());
            innerEdits.add(new Edit(end, end, ", " + kw));
        }
    }

    /** Inside a double-quoted f-string, an environment read must use single quotes (before Python 3.12). */
    private String quoteFor(Span span, String replacement) {
        for (int i = 0; i < fstrings.size(); i++) {
            Span f = fstrings.get(i);
            if (f.compareTo(span) < 0 && Span.cover(f, span).equals(f)) {
                String q = fstringQuotes.get(i);
                return q.equals("\"") ? replacement.replace('"', '\'') : replacement.replace('\'', '"');
            }
        }
        return replacement;
    }

    private String render(Span span) {
        return apply(source.start(span), source.end(span), false);
    }

    /** The text of [start, end) with the edits inside it applied. */
    private String apply(int start, int end, boolean withStatements) {
        List<Edit> edits = new ArrayList<>();
        if (withStatements) {
            edits.addAll(statementEdits);
        }
        for (Edit e : innerEdits) {
            boolean covered = withStatements && statementEdits.stream()
                .anyMatch(s -> s.start() <= e.start() && e.end() <= s.end() && s.start() < s.end());
            if (!covered && e.start() >= start && e.end() <= end) {
                edits.add(e);
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        StringBuilder out = new StringBuilder();
        int pos = start;
        for (Edit e : edits) {
            if (e.start() < pos || e.start() < start || e.end() > end) {
                continue; // overlaps an earlier edit
            }
            out.append(source.text(), pos, e.start()).append(e.text());
            pos = e.end();
        }
        out.append(source.text(), pos, end);
        return out.toString();
    }

    /** Trailing whitespace off, at most one blank line in a row, no blank lines at either end. */
    static String tidy(String text) {
        List<String> lines = new ArrayList<>();
        boolean blank = true;
        for (String line : text.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                if (!blank) {
                    lines.add("");
                }
                blank = true;
            } else {
                lines.add(l);
                blank = false;
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        // a body of comments only is no body
        if (lines.stream().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            return "";
        }
        return String.join("\n", lines);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
