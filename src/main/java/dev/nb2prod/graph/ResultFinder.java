package dev.nb2prod.graph;

import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Output;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.FunctionInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the {@link Result}s of a notebook: the values it displays as results, the figures it draws, the models it
 * fits, the metrics it computes and what it writes. Saved outputs are the evidence where there are some (a cell that
 * ran and shows no {@code execute_result} displayed nothing); a cell that never ran is judged by its code.
 */
final class ResultFinder {
    /** Functions whose result is a metric. */
    private static final Set<String> METRICS = Set.of("accuracy_score", "roc_auc_score", "f1_score",
        "precision_score", "recall_score", "r2_score", "mean_squared_error", "mean_absolute_error", "log_loss",
        "cross_val_score", "confusion_matrix", "classification_report", "balanced_accuracy_score",
        "average_precision_score", "matthews_corrcoef", "cohen_kappa_score", "silhouette_score", "brier_score_loss",
        "explained_variance_score", "median_absolute_error", "mean_absolute_percentage_error", "hamming_loss",
        "jaccard_score", "zero_one_loss", "adjusted_rand_score", "mutual_info_score", "score", "auc");
    /** An execute_result that is a drawing's return value: a Text, a list of lines, axes, a figure. */
    private static final Pattern DRAWING_REPR = Pattern.compile(
        "(?s)^[\\[(]*\\s*(<(matplotlib|seaborn|mpl_toolkits|AxesSubplot|Axes[:A-Z ]|Figure|Axes3DSubplot|"
            + "ErrorbarContainer|BarContainer|a list of)|Text\\(|array\\(\\[<(matplotlib|AxesSubplot|Axes)|"
            + "\\(array\\(\\[.*<(BarContainer|a list of|matplotlib))");

    private final AnalyzedNotebook analyzed;
    private final QualifiedNames names;
    private final boolean notebookHasImages;
    private final boolean notebookHasOutputs;
    private final Set<String> procedures;
    private final Set<String> shellNames;

    ResultFinder(AnalyzedNotebook analyzed) {
        this.analyzed = analyzed;
        this.names = QualifiedNames.of(analyzed);
        this.notebookHasImages = analyzed.notebook().codeCells().stream().anyMatch(c -> images(c) > 0);
        this.notebookHasOutputs = analyzed.notebook().codeCells().stream().anyMatch(c -> !c.outputs().isEmpty());
        this.procedures = procedures(analyzed);
        this.shellNames = shellNames(analyzed);
    }

    /** Every result, in cell order and then source order. */
    List<Result> find(List<CellNode> nodes) {
        List<Result> results = new ArrayList<>();
        Map<String, Result.Model> models = models();
        Map<String, FunctionInfo> writers = writerFunctions(nodes);
        for (CodeCell cell : analyzed.notebook().codeCells()) {
            if (!(analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed parsed)) {
                continue;
            }
            Module module = parsed.module();
            List<Result> found = new ArrayList<>();
            written(cell.index(), module, nodes.get(cell.index()), writers, found);
            models.values().stream().filter(m -> m.cell() == cell.index()).forEach(found::add);
            metrics(cell.index(), module, found);
            figure(cell, module).ifPresent(found::add);
            // a cell ending with the call that writes a file shows nothing worth returning
            displayed(cell, module).filter(d -> found.stream().noneMatch(r -> r instanceof Result.Written
                && r.span().equals(d.span()))).ifPresent(found::add);
            found.sort(Comparator.comparing(Result::span));
            results.addAll(found);
        }
        return results;
    }

    // ---------------------------------------------------------------- displayed values

    /** {@code np.empty(3)}: whatever the memory held, different from run to run; shown, it answers nothing. */
    private boolean uninitialised(Expr value) {
        return value instanceof Expr.Call call && names.qualify(call.func())
            .filter(q -> q.equals("numpy.empty") || q.equals("numpy.empty_like")).isPresent();
    }

    /**
     * {@code get_ipython()} and the names bound to IPython's shell or its parts ({@code ip = get_ipython()},
     * {@code ex = ip.extension_manager}): what they show is the notebook's machinery, not an answer.
     */
    private static Set<String> shellNames(AnalyzedNotebook analyzed) {
        Set<String> shell = new java.util.HashSet<>(Set.of("get_ipython"));
        for (CodeCell cell : analyzed.notebook().codeCells()) {
            if (analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed p) {
                for (Stmt s : p.module().body()) {
                    if (s instanceof Stmt.Assign a && shell.contains(Dotted.root(a.value()).orElse(""))) {
                        a.targets().forEach(t -> AstWalker.find(t, Expr.Name.class).forEach(n -> shell.add(n.id())));
                    }
                }
            }
        }
        return shell;
    }

    private Optional<Result> displayed(CodeCell cell, Module module) {
        List<Stmt> body = module.body();
        if (body.isEmpty() || !(body.get(body.size() - 1) instanceof Stmt.ExprStmt last)) {
            return Optional.empty();
        }
        Expr value = last.value();
        if (suppressed(cell.source().text(), value.span()) || !valueLike(value)
            || DisplayCalls.kind(value, names).isPresent() || isFit(value) || uninitialised(value)
            || shellNames.contains(Dotted.root(value).orElse(""))) {
            return Optional.empty();
        }
        // saved outputs are the evidence; a notebook saved without any output says nothing about this cell
        if (notebookHasOutputs && (cell.executionCount().isPresent() || !cell.outputs().isEmpty())) {
            Optional<Output.ExecuteResult> shown = cell.outputs().stream()
                .filter(o -> o instanceof Output.ExecuteResult).map(o -> (Output.ExecuteResult) o).findFirst();
            if (shown.isEmpty() || shown.get().data().get("text/plain").map(t -> DRAWING_REPR.matcher(t.text()
                .strip()).find()).orElse(false)) {
                return Optional.empty();
            }
        }
        if (!notebookHasOutputs && (returnsNone(value) || callsProcedure(value))) {
            return Optional.empty();
        }
        String variable = value instanceof Expr.Name n ? n.id() : "";
        return Optional.of(new Result.Displayed(cell.index(), value.span(), oneLine(slice(cell.source(), value.span())),
            variable));
    }

    /** Expressions whose value Jupyter shows: not literals, lambdas, awaits or magics. */
    private static boolean valueLike(Expr value) {
        return !(value instanceof Expr.Constant || value instanceof Expr.Lambda || value instanceof Expr.Magic
            || value instanceof Expr.Yield || value instanceof Expr.YieldFrom || value instanceof Expr.Await
            || value instanceof Expr.Other);
    }

    /**
     * True for a call that returns None, judged by its code when there are no outputs to tell: {@code inplace=True},
     * a method of {@link DisplayCalls#RETURNS_NONE} whose returning variants need arguments it lacks.
     */
    private static boolean returnsNone(Expr value) {
        if (!(value instanceof Expr.Call call)) {
            return false;
        }
        if (call.keyword("inplace") instanceof Expr.BoolLit b && b.value()) {
            return true;
        }
        String last = Dotted.lastPart(call.func());
        Set<String> valueWhenInplaceFalse = Set.of("set_index", "reset_index", "rename", "drop", "fillna", "dropna",
            "replace", "sort_values", "sort_index");
        if (valueWhenInplaceFalse.contains(last)) {
            return false;
        }
        if (last.startsWith("to_") && call.args().isEmpty() && call.keyword("path_or_buf") == null) {
            return false; // df.to_csv() without a path returns the text
        }
        return DisplayCalls.RETURNS_NONE.contains(last);
    }

    /** A call of a function the notebook defines that returns no value ({@code save_fig('x')}). */
    private boolean callsProcedure(Expr value) {
        return value instanceof Expr.Call call && call.func() instanceof Expr.Name f && procedures.contains(f.id());
    }

    /** The functions the notebook defines whose body returns no value anywhere. */
    private static Set<String> procedures(AnalyzedNotebook analyzed) {
        Set<String> valued = new java.util.HashSet<>();
        Set<String> all = new java.util.HashSet<>();
        for (CodeCell cell : analyzed.notebook().codeCells()) {
            if (analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed p) {
                for (Stmt.FunctionDef f : AstWalker.find(p.module(), Stmt.FunctionDef.class)) {
                    all.add(f.name());
                    boolean returns = AstWalker.find(f, Stmt.Return.class).stream().anyMatch(r -> r.value() != null)
                        || !AstWalker.find(f, Expr.Yield.class).isEmpty();
                    if (returns) {
                        valued.add(f.name());
                    }
                }
            }
        }
        all.removeAll(valued);
        return all;
    }

    private static boolean isFit(Expr value) {
        return value instanceof Expr.Call c && Dotted.lastPart(c.func()).equals("fit");
    }

    /** True when the statement ends with {@code ;}, which makes Jupyter show nothing. */
    private static boolean suppressed(String text, Span span) {
        List<String> lines = text.lines().toList();
        if (span.endLine() < 1 || span.endLine() > lines.size()) {
            return false;
        }
        String rest = lines.get(span.endLine() - 1);
        rest = span.endCol() <= rest.length() ? rest.substring(span.endCol()) : "";
        if (rest.strip().startsWith(";")) {
            return true;
        }
        // a lone ';' on a following line (IPython's escape) also ends the cell without a value worth showing
        for (int i = span.endLine(); i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            return line.equals(";");
        }
        return false;
    }

    // ---------------------------------------------------------------- figures

    private Optional<Result> figure(CodeCell cell, Module module) {
        int images = images(cell);
        boolean draws = topLevelCalls(module).stream().anyMatch(c -> DisplayCalls.isDrawing(c, names)
            && !Dotted.lastPart(c.func()).equals("savefig"));
        boolean ran = cell.executionCount().isPresent() || !cell.outputs().isEmpty();
        if (images == 0 && !(draws && (!ran || !notebookHasImages))) {
            return Optional.empty();
        }
        Span at = topLevelCalls(module).stream().filter(c -> DisplayCalls.isDrawing(c, names)).map(Expr::span)
            .findFirst().orElse(module.body().isEmpty() ? new Span(1, 0, 1, 0) : module.body().get(0).span());
        return Optional.of(new Result.Figure(cell.index(), at, title(module), images));
    }

    private static int images(CodeCell cell) {
        int count = 0;
        for (Output output : cell.outputs()) {
            Output.MimeBundle bundle = switch (output) {
                case Output.DisplayData d -> d.data();
                case Output.ExecuteResult r -> r.data();
                default -> null;
            };
            if (bundle != null && (bundle.binarySizes().keySet().stream().anyMatch(m -> m.startsWith("image/"))
                || bundle.text().containsKey("image/svg+xml"))) {
                count++;
            }
        }
        return count;
    }

    /** The first title the code gives a figure, from a literal string. */
    private static String title(Module module) {
        for (Expr.Call call : AstWalker.find(module, Expr.Call.class)) {
            String last = Dotted.lastPart(call.func());
            Expr text = null;
            if (Set.of("title", "set_title", "suptitle").contains(last) && !call.args().isEmpty()) {
                text = call.args().get(0).value();
            } else if (call.keyword("title") != null) {
                text = call.keyword("title");
            }
            if (text instanceof Expr.Str s && !s.value().isBlank()) {
                return s.value().strip();
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- models and metrics

    /** For each model variable, its last fit in the notebook (outside function bodies). */
    private Map<String, Result.Model> models() {
        Map<String, String> estimatorOf = new HashMap<>();
        Map<String, Result.Model> last = new LinkedHashMap<>();
        for (CodeCell cell : analyzed.notebook().codeCells()) {
            if (!(analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed parsed)) {
                continue;
            }
            Module module = parsed.module();
            for (Node node : topLevelNodes(module)) {
                if (node instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
                    Optional<String> estimator = constructedModel(a.value());
                    if (estimator.isPresent()) {
                        estimatorOf.put(n.id(), estimator.get());
                        if (a.value() instanceof Expr.Call call && Dotted.lastPart(call.func()).equals("fit")) {
                            last.put(n.id(), new Result.Model(cell.index(), a.span(), n.id(), estimator.get()));
                        }
                    } else {
                        estimatorOf.remove(n.id());
                    }
                }
                if (node instanceof Expr.Call call && call.func() instanceof Expr.Attribute at && at.attr().equals("fit")
                    && at.value() instanceof Expr.Name receiver && estimatorOf.containsKey(receiver.id())) {
                    last.put(receiver.id(), new Result.Model(cell.index(), call.span(), receiver.id(),
                        estimatorOf.get(receiver.id())));
                }
            }
        }
        return last;
    }

    /** The model class of {@code Cls(...)} or {@code Cls(...).fit(...)}, when it is a model. */
    private static Optional<String> constructedModel(Expr value) {
        Expr e = value;
        if (e instanceof Expr.Call call && Dotted.lastPart(call.func()).equals("fit")
            && call.func() instanceof Expr.Attribute at) {
            e = at.value();
        }
        if (!(e instanceof Expr.Call call)) {
            return Optional.empty();
        }
        String cls = Dotted.lastPart(call.func());
        return ModelClasses.isModel(cls) ? Optional.of(cls) : Optional.empty();
    }

    private void metrics(int cell, Module module, List<Result> found) {
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n
                && a.value() instanceof Expr.Call call) {
                String function = Dotted.lastPart(call.func());
                boolean method = call.func() instanceof Expr.Attribute;
                boolean metric = METRICS.contains(function) && (!function.equals("score") || method)
                    || function.endsWith("_score") && names.qualify(call.func()).orElse("").startsWith("sklearn.");
                if (metric) {
                    found.add(new Result.Metric(cell, a.span(), n.id(), function));
                }
            }
        }
    }

    // ---------------------------------------------------------------- written data

    /** Functions defined in the notebook whose body writes a file: calling one writes it. */
    private Map<String, FunctionInfo> writerFunctions(List<CellNode> nodes) {
        Map<String, FunctionInfo> writers = new HashMap<>();
        for (CellNode node : nodes) {
            if (!node.isCode()) {
                continue;
            }
            for (FunctionInfo f : analyzed.names(node.index()).functions()) {
                boolean writes = node.outputs().stream().anyMatch(io -> f.span().contains(io.span()));
                if (writes) {
                    writers.put(f.name(), f);
                } else {
                    writers.remove(f.name());
                }
            }
        }
        return writers;
    }

    private void written(int cell, Module module, CellNode node, Map<String, FunctionInfo> writers, List<Result> found) {
        List<Span> bodies = functionBodies(module);
        for (IoAccess io : node.outputs()) {
            if (bodies.stream().noneMatch(b -> b.contains(io.span()))) {
                found.add(new Result.Written(cell, io.span(), io));
            }
        }
        for (Expr.Call call : topLevelCalls(module)) {
            if (call.func() instanceof Expr.Name n && writers.containsKey(n.id())) {
                found.add(new Result.Written(cell, call.span(), new IoAccess(IoAccess.Direction.OUTPUT, n.id(),
                    "", call.span())));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The calls of the module outside function, class and lambda bodies. */
    private static List<Expr.Call> topLevelCalls(Module module) {
        List<Expr.Call> calls = new ArrayList<>();
        for (Node n : topLevelNodes(module)) {
            if (n instanceof Expr.Call c) {
                calls.add(c);
            }
        }
        return calls;
    }

    private static List<Node> topLevelNodes(Module module) {
        List<Node> out = new ArrayList<>();
        AstWalker.walk(module, n -> !(n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef
            || n instanceof Expr.Lambda), out::add);
        return out;
    }

    private static List<Span> functionBodies(Module module) {
        List<Span> out = new ArrayList<>();
        AstWalker.walk(module, n -> {
            if (n instanceof Stmt.FunctionDef f) {
                out.add(f.span());
            } else if (n instanceof Stmt.ClassDef c) {
                out.add(c.span());
            } else if (n instanceof Expr.Lambda l) {
                out.add(l.span());
            }
        });
        return out;
    }

    static String slice(SourceText source, Span span) {
        List<String> lines = source.lines();
        if (span.startLine() < 1 || span.endLine() > lines.size()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int line = span.startLine(); line <= span.endLine(); line++) {
            String text = lines.get(line - 1);
            int from = line == span.startLine() ? Math.min(span.startCol(), text.length()) : 0;
            int to = line == span.endLine() ? Math.min(span.endCol(), text.length()) : text.length();
            out.append(text, from, Math.max(from, to));
            if (line < span.endLine()) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
