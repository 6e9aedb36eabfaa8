package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellNode;
import dev.nb2prod.graph.DisplayCalls;
import dev.nb2prod.graph.IoAccess;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.graph.RandomCalls;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.NameAnalyzer;
import dev.nb2prod.rules.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites each kept cell for the package (hoisted values, secrets, logging, results assigned to names) and cuts it
 * into {@link Unit}s, one per top-level statement, each with its names, what it does and the stages it shows signs
 * of.
 */
public final class UnitBuilder {
    /** A decorated comment that names a section of a cell: {@code # ------ random forest ------}. */
    private static final Pattern SECTION_COMMENT = Pattern.compile("^#\\s*[-=#*~]{2,}\\s*(.+?)\\s*[-=#*~]{2,}\\s*$");

    /**
     * The units and what was learnt while rewriting.
     *
     * @param units every unit of the kept cells, in notebook order
     * @param pipSpecs requirements found in {@code pip install} lines of the kept cells
     * @param notes what was dropped or changed, for the README
     */
    public record Built(List<Unit> units, List<String> pipSpecs, List<String> notes) {
        public Built {
            units = List.copyOf(units);
            pipSpecs = List.copyOf(pipSpecs);
            notes = List.copyOf(notes);
        }
    }

    private final AnalyzedNotebook analyzed;
    private final CellGraph graph;
    private final QualifiedNames qualified;
    private final PythonFrontEnd frontEnd;
    private final NameAnalyzer names = new NameAnalyzer();
    private final List<Markdown.Heading> headings;
    private final Set<String> drawingFunctions;
    private final Set<String> drawingObjects;

    public UnitBuilder(AnalyzedNotebook analyzed, CellGraph graph, PythonFrontEnd frontEnd) {
        this.analyzed = analyzed;
        this.graph = graph;
        this.qualified = QualifiedNames.of(analyzed);
        this.frontEnd = frontEnd;
        this.headings = Markdown.headingsAbove(analyzed.notebook());
        this.drawingFunctions = drawingFunctions();
        this.drawingObjects = drawingObjects();
    }

    /**
     * Builds the units of the kept cells.
     *
     * @param results per cell, the span of a displayed last expression → the name its value is assigned to
     */
    public Built build(SortedSet<Integer> kept, Hoister.Result hoisted, Map<Integer, Set<Span>> display,
                       Map<Integer, Map<Span, String>> results) throws ExtractionRefused {
        List<Unit> units = new ArrayList<>();
        List<String> pipSpecs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i : kept) {
            Module module = ((ParsedCell.Parsed) analyzed.parsed(i)).module();
            CellRewriter.Request request = new CellRewriter.Request(
                hoisted.literals.getOrDefault(i, Map.of()), hoisted.deleted.getOrDefault(i, Set.of()),
                hoisted.renames, hoisted.secretNames, display.getOrDefault(i, Set.of()),
                hoisted.randomState.getOrDefault(i, Set.of()), hoisted.seedParameter, results.getOrDefault(i, Map.of()),
                qualified);
            CellRewriter.Result rewritten = CellRewriter.rewrite(analyzed.notebook().cells().get(i).source().text(),
                module, request, i + 1);
            pipSpecs.addAll(rewritten.pipSpecs());
            notes.addAll(rewritten.notes());
            String subheading = null;
            int ordinal = 0;
            for (CellRewriter.Piece piece : rewritten.pieces()) {
                String text = scrubSecrets(piece.text(), hoisted, notes, i);
                ParsedCell parsed = frontEnd.parse(text);
                if (!(parsed instanceof ParsedCell.Parsed p)) {
                    throw new ExtractionRefused("cell " + (i + 1) + " could not be rewritten into a function ("
                        + ((ParsedCell.Failed) parsed).error().message() + ")");
                }
                subheading = sectionComment(text).orElse(subheading);
                List<Stmt> statements = piece.statements();
                units.add(new Unit(i, ordinal++, statements, text, p.module(), names.analyze(p.module()),
                    kind(statements), StageClassifier.signals(statements, touches(i, statements, true),
                        touches(i, statements, false)), null, headings.get(i), subheading, piece.blankBefore()));
            }
        }
        return new Built(units, pipSpecs, notes);
    }

    /** The requirements of pip lines in cells that are not kept (they still say what the code needs). */
    public List<String> pipSpecsOfDropped(SortedSet<Integer> kept) {
        List<String> specs = new ArrayList<>();
        for (var cell : analyzed.notebook().codeCells()) {
            if (!kept.contains(cell.index()) && analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed p) {
                specs.addAll(CellRewriter.rewrite(cell.source().text(), p.module(), CellRewriter.Request.plain(qualified),
                    cell.index() + 1).pipSpecs());
            }
        }
        return specs;
    }

    private static java.util.Optional<String> sectionComment(String text) {
        String found = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("#")) {
                break;
            }
            Matcher m = SECTION_COMMENT.matcher(l);
            if (m.matches() && !Identifiers.meaningfulWords(m.group(1)).isEmpty()) {
                found = m.group(1);
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** True when the statements read (or write) external data, by the cell graph's I/O of the cell. */
    private boolean touches(int cell, List<Stmt> statements, boolean input) {
        CellNode node = graph.cell(cell);
        List<IoAccess> accesses = input ? node.inputs() : node.outputs();
        Span span = Span.cover(statements.get(0).span(), statements.get(statements.size() - 1).span());
        return accesses.stream().anyMatch(a -> Span.cover(span, a.span()).equals(span));
    }

    private Unit.Kind kind(List<Stmt> statements) {
        if (statements.size() == 1 && (statements.get(0) instanceof Stmt.FunctionDef
            || statements.get(0) instanceof Stmt.ClassDef)) {
            return Unit.Kind.DEFINITION;
        }
        boolean style = true;
        boolean seed = true;
        for (Stmt s : statements) {
            style &= isStyle(s);
            seed &= s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call call && isSeed(call);
        }
        if (style) {
            return Unit.Kind.STYLE;
        }
        if (seed) {
            return Unit.Kind.SEED;
        }
        for (Stmt s : statements) {
            if (draws(s)) {
                return Unit.Kind.DRAWING;
            }
        }
        return Unit.Kind.CODE;
    }

    private boolean isStyle(Stmt s) {
        if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call call) {
            return DisplayCalls.isStyleSetting(call, qualified);
        }
        if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Subscript t) {
            return qualified.qualify(t.value()).map(q -> q.endsWith("rcParams")).orElse(false);
        }
        return false;
    }

    private boolean isSeed(Expr.Call call) {
        return qualified.qualify(call.func()).map(RandomCalls.SEEDS::containsKey).orElse(false)
            || RandomCalls.SEED_ALL.contains(Dotted.lastPart(call.func()));
    }

    private boolean draws(Stmt s) {
        boolean[] found = {false};
        AstWalker.walk(s, n -> !(n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef
            || n instanceof Expr.Lambda), (Node n) -> {
                if (n instanceof Expr.Call call && (drawingCall(call) || decoratesDrawingObject(call))) {
                    found[0] = true;
                }
            });
        return found[0];
    }

    /** {@code cb.set_label(...)}, {@code fig.add_subplot(...)} on a name a drawing returned; not its getters. */
    private boolean decoratesDrawingObject(Expr.Call call) {
        String last = Dotted.lastPart(call.func());
        return call.func() instanceof Expr.Attribute
            && Dotted.root(call.func()).filter(drawingObjects::contains).isPresent()
            && (last.startsWith("set") || last.startsWith("add_") || last.startsWith("tick")
                || DisplayCalls.DRAWING_METHODS.contains(last));
    }

    private boolean drawingCall(Expr.Call call) {
        return DisplayCalls.isDrawing(call, qualified)
            || call.func() instanceof Expr.Name f && drawingFunctions.contains(f.id());
    }

    /**
     * The names the notebook binds to what a drawing call returns ({@code cb = plt.colorbar()},
     * {@code fig, ax = plt.subplots()}): a method call on one of them decorates a figure ({@code cb.set_label(...)}).
     */
    private Set<String> drawingObjects() {
        Set<String> objects = new java.util.TreeSet<>();
        for (var cell : analyzed.notebook().codeCells()) {
            if (analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed p) {
                for (Stmt.Assign a : AstWalker.find(p.module(), Stmt.Assign.class)) {
                    if (a.value() instanceof Expr.Call call && drawingCall(call)) {
                        a.targets().forEach(t -> addNames(t, objects));
                    }
                }
            }
        }
        return objects;
    }

    private static void addNames(Expr target, Set<String> into) {
        if (target instanceof Expr.Name n) {
            into.add(n.id());
        } else if (target instanceof Expr.TupleExpr t) {
            t.elts().forEach(e -> addNames(e, into));
        }
    }

    /** The functions the notebook defines (at the top of a cell) whose body draws, directly or through another. */
    private Set<String> drawingFunctions() {
        Map<String, Stmt.FunctionDef> defs = new java.util.LinkedHashMap<>();
        for (var cell : analyzed.notebook().codeCells()) {
            if (analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed p) {
                for (Stmt s : p.module().body()) {
                    if (s instanceof Stmt.FunctionDef f) {
                        defs.put(f.name(), f);
                    }
                }
            }
        }
        Set<String> drawing = new java.util.TreeSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt.FunctionDef f : defs.values()) {
                if (drawing.contains(f.name())) {
                    continue;
                }
                boolean draws = AstWalker.find(f, Expr.Call.class).stream().anyMatch(c -> DisplayCalls.isDrawing(c,
                    qualified) || c.func() instanceof Expr.Name n && drawing.contains(n.id()));
                if (draws) {
                    drawing.add(f.name());
                    changed = true;
                }
            }
        }
        return drawing;
    }

    private static String scrubSecrets(String text, Hoister.Result hoisted, List<String> notes, int cell) {
        String out = text;
        for (String s : hoisted.secretValues) {
            if (!s.isEmpty() && out.contains(s)) {
                out = out.replace(s, "<secret removed>");
                notes.add("cell " + (cell + 1) + ": a secret was removed from the code: read it from the environment");
            }
        }
        for (Secrets.Match m : Secrets.find(out)) {
            out = out.replace(m.secret(), "<secret removed>");
            notes.add("cell " + (cell + 1) + ": a secret was removed from the code: read it from the environment");
        }
        return out;
    }
}
