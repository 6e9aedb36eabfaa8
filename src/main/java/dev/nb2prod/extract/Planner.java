package dev.nb2prod.extract;

import dev.nb2prod.extract.ExtractionPlan.CellDecision;
import dev.nb2prod.extract.ExtractionPlan.Dependency;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.plan.CellRewriter;
import dev.nb2prod.extract.plan.Distributions;
import dev.nb2prod.extract.plan.Hoister;
import dev.nb2prod.extract.plan.Identifiers;
import dev.nb2prod.extract.plan.Markdown;
import dev.nb2prod.extract.plan.StageClassifier;
import dev.nb2prod.extract.plan.StandardLibrary;
import dev.nb2prod.extract.plan.TypeInference;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellNode;
import dev.nb2prod.graph.IoAccess;
import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.graph.Terminal;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.MarkdownCell;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.FunctionInfo;
import dev.nb2prod.python.names.ImportInfo;
import dev.nb2prod.python.names.NameAnalyzer;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.graph.QualifiedNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides what {@code nb2prod extract} generates from a notebook: which cells are kept, how they group into
 * functions, their names, stages, parameters, returns and rewritten bodies, and the configuration, secrets,
 * dependencies, outputs and open TODOs. Deterministic: the same input gives the same plan.
 */
public final class Planner {
    private static final Set<String> BUILTIN_TYPES = Set.of("int", "float", "str", "bool", "list", "dict", "bytes");
    private static final Set<String> NOT_MODELS = Set.of("Scaler", "Encoder", "Imputer", "Vectorizer",
        "Transformer", "PCA", "Split", "KFold", "Binarizer", "Normalizer", "Selector", "Features");
    private static final Set<String> VERBS = Set.of("load", "read", "fetch", "download", "clean", "prepare",
        "preprocess", "filter", "build", "create", "make", "compute", "engineer", "encode", "split", "train", "fit",
        "evaluate", "score", "predict", "plot", "save", "write", "export", "report", "visualize", "visualise",
        "merge", "explore", "summarize", "summarise", "calculate", "transform", "tune", "test", "validate",
        "analyse", "analyze", "get", "select", "aggregate", "generate", "apply", "define", "run", "check", "scale",
        "impute", "join", "combine", "extract", "parse", "format", "send", "upload", "publish", "store");
    private static final int MAX_GROUP_LINES = 80;

    private final PythonFrontEnd frontEnd;
    private final NameAnalyzer names = new NameAnalyzer();

    public Planner() {
        this(new SonarPythonFrontEnd());
    }

    public Planner(PythonFrontEnd frontEnd) {
        this.frontEnd = frontEnd;
    }

    /** A run of kept cells that becomes one function. */
    private static final class Group {
        final List<Integer> cells = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        Stage stage;
        Markdown.Heading heading;
        String body;
        CellNames bodyNames;
        String name;
        final Set<String> inputs = new LinkedHashSet<>();
        final List<String> dataParams = new ArrayList<>();
        final List<String> configParams = new ArrayList<>();
        final Set<String> returns = new LinkedHashSet<>();
        final Set<String> provides = new LinkedHashSet<>();
        final Set<String> mutatedParams = new LinkedHashSet<>();
        Map<String, String> types = Map.of();
        Module module;
    }

    public ExtractionPlan plan(AnalyzedNotebook analyzed, CellGraph graph, List<Finding> findings, PlanOptions options)
        throws ExtractionRefused {
        var notebook = analyzed.notebook();
        if (!notebook.isPython()) {
            throw new ExtractionRefused("the kernel language is " + notebook.metadata().languageOrUnknown()
                + ", not Python");
        }
        List<CodeCell> code = notebook.codeCells().stream().filter(c -> !c.source().text().isBlank()).toList();
        if (code.isEmpty()) {
            throw new ExtractionRefused("the notebook has no code");
        }
        long failed = code.stream().filter(c -> analyzed.parsed(c.index()) instanceof ParsedCell.Failed).count();
        if (failed == code.size()) {
            throw new ExtractionRefused("every code cell has a syntax error");
        }
        List<String> todos = new ArrayList<>();
        Map<Integer, String> dropReason = new TreeMap<>();
        SortedSet<Integer> kept = new TreeSet<>();
        for (CodeCell cell : notebook.codeCells()) {
            int i = cell.index();
            CellNode node = graph.cell(i);
            if (cell.source().text().isBlank()) {
                dropReason.put(i, "empty");
            } else if (analyzed.parsed(i) instanceof ParsedCell.Failed f) {
                refuseIfNeeded(graph, i, f, kept);
                dropReason.put(i, "does not parse (" + f.error().message() + "): nothing kept depends on it");
            } else if (node.essential() || options.keepExploratory()) {
                kept.add(i);
            } else {
                dropReason.put(i, "exploratory: nothing essential depends on it");
            }
        }
        closeOverDependencies(analyzed, graph, kept, dropReason);
        // a failed cell above a kept cell that reads a name no cell defines probably defined it
        for (NameProblem p : graph.undefined()) {
            if (kept.contains(p.cell())) {
                for (CodeCell c : notebook.codeCells()) {
                    if (c.index() < p.cell() && analyzed.parsed(c.index()) instanceof ParsedCell.Failed f
                        && c.source().text().contains(p.name())) {
                        throw new ExtractionRefused("cell " + (c.index() + 1) + " does not parse: "
                            + f.error().message() + " (line " + f.error().line() + ")");
                    }
                }
            }
        }
        if (kept.isEmpty()) {
            throw new ExtractionRefused("nothing to extract: no cell writes a file or computes a result that is kept (every cell only displays values)");
        }
        refusePython2(analyzed, kept);
        for (NameProblem p : graph.undefined()) {
            if (kept.contains(p.cell())) {
                throw new ExtractionRefused("cell " + (p.cell() + 1) + " reads " + p.name()
                    + ", which no cell defines: define or import it in the notebook first");
            }
        }
        for (int i : kept) {
            if (analyzed.names(i).starImport()) {
                throw new ExtractionRefused("cell " + (i + 1) + " imports * from "
                    + String.join(", ", analyzed.names(i).starModules()) + ": import the names it uses explicitly");
            }
        }

        Hoister.Result hoisted = new Hoister(analyzed, graph, kept).run(findings);
        Map<String, String> configOfParameter = hoisted.configOfParameter();
        QualifiedNames qualified = QualifiedNames.of(analyzed);
        Map<String, List<String>> importLines = importLines(analyzed);
        List<ImportInfo> allImports = new ArrayList<>();
        analyzed.cellNames().values().forEach(n -> allImports.addAll(n.imports()));
        TypeInference types = new TypeInference(qualified, allImports);
        List<Markdown.Heading> headings = Markdown.headingsAbove(notebook);
        Map<Integer, Set<Span>> display = displayFindings(findings);
        List<String> pipSpecs = new ArrayList<>();
        todos.addAll(hoisted.notes);

        // rewrite each kept cell
        Map<Integer, String> texts = new TreeMap<>();
        Map<Integer, Map<String, String>> typeAfter = new TreeMap<>();
        for (int i : kept) {
            Module module = ((ParsedCell.Parsed) analyzed.parsed(i)).module();
            CellRewriter.Request request = new CellRewriter.Request(
                hoisted.literals.getOrDefault(i, Map.of()), hoisted.deleted.getOrDefault(i, Set.of()),
                hoisted.renames, hoisted.secretNames, display.getOrDefault(i, Set.of()),
                hoisted.randomState.getOrDefault(i, Set.of()), hoisted.seedParameter);
            CellRewriter.Result r = CellRewriter.rewrite(cellText(notebook.cells().get(i)), module, request, i + 1);
            String text = scrubSecrets(r.text(), hoisted, todos, i);
            if (!text.isEmpty() && frontEnd.parse(text) instanceof ParsedCell.Failed f) {
                if (System.getenv("NB2PROD_DEBUG_PLANNER") != null) {
                    System.out.println("---- rewritten cell " + (i + 1) + ":\n" + text + "\n----");
                }
                throw new ExtractionRefused("cell " + (i + 1) + " could not be rewritten into a function ("
                    + f.error().message() + ")");
            }
            texts.put(i, text);
            pipSpecs.addAll(r.pipSpecs());
            todos.addAll(r.notes());
            types.learn(module);
            typeAfter.put(i, types.snapshot());
        }
        // pip lines of dropped cells count too
        for (CodeCell cell : notebook.codeCells()) {
            if (!kept.contains(cell.index()) && analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed p) {
                CellRewriter.Result r = CellRewriter.rewrite(cell.source().text(), p.module(),
                    new CellRewriter.Request(Map.of(), Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), "random_seed"),
                    cell.index() + 1);
                pipSpecs.addAll(r.pipSpecs());
            }
        }

        // classify and group
        Set<Integer> feeding = new HashSet<>();
        graph.edges().forEach(e -> {
            if (kept.contains(e.to())) {
                feeding.add(e.from());
            }
        });
        List<Group> groups = new ArrayList<>();
        Group current = null;
        Stage previous = null;
        for (int i : kept) {
            String text = texts.get(i);
            if (text.isEmpty()) {
                continue;
            }
            Module module = ((ParsedCell.Parsed) analyzed.parsed(i)).module();
            Markdown.Heading heading = headings.get(i);
            EnumSet<Stage> signals = StageClassifier.signals(module, graph.cell(i));
            Optional<Stage> hint = StageClassifier.hint(heading == null ? null : heading.text());
            Stage stage = StageClassifier.classify(signals, hint, feeding.contains(i))
                .orElse(previous == null ? Stage.INGESTION : previous);
            int lines = current == null ? 0 : (int) String.join("\n", current.texts).lines().count();
            boolean sameGroup = current != null && current.heading == heading && current.stage == stage
                && lines + text.lines().count() <= MAX_GROUP_LINES;
            if (!sameGroup) {
                current = new Group();
                current.stage = stage;
                current.heading = heading;
                groups.add(current);
            }
            current.cells.add(i);
            current.texts.add(text);
            previous = stage;
        }

        // names each group reads and binds
        for (Group g : groups) {
            g.body = String.join("\n\n", g.texts);
            ParsedCell parsed = frontEnd.parse(g.body);
            g.bodyNames = names.analyze(parsed);
            g.module = parsed instanceof ParsedCell.Parsed p ? p.module() : null;
            g.types = typeAfter.get(g.cells.get(g.cells.size() - 1));
        }

        // data flow: parameters from earlier groups, stage order, returns
        Map<String, Group> provider = new HashMap<>();
        Set<String> undefinedReported = new HashSet<>();
        for (Group g : groups) {
            CellNames n = g.bodyNames;
            Set<String> needed = new TreeSet<>(n.uses());
            n.mutates().stream().filter(m -> !n.defines().contains(m)).forEach(needed::add);
            for (FunctionInfo f : n.functions()) {
                f.reads().stream().filter(r -> !n.defines().contains(r)).forEach(needed::add);
            }
            List<String> ordered = new ArrayList<>(needed);
            ordered.sort((a, b) -> n.firstUse().getOrDefault(a, n.firstMutation().getOrDefault(a, Span.NONE))
                .compareTo(n.firstUse().getOrDefault(b, n.firstMutation().getOrDefault(b, Span.NONE))));
            for (String name : ordered) {
                if (configOfParameter.containsKey(name) && !provider.containsKey(name)) {
                    g.configParams.add(name);
                } else if (provider.containsKey(name)) {
                    Group from = provider.get(name);
                    g.dataParams.add(name);
                    from.returns.add(name);
                    if (from.stage.compareTo(g.stage) > 0) {
                        g.stage = from.stage;
                    }
                    if (n.mutates().contains(name) && !n.defines().contains(name)) {
                        g.mutatedParams.add(name);
                    }
                } else if (!importLines.containsKey(name) && !name.equals("logger") && !name.equals("os")
                    && undefinedReported.add(name)) {
                    todos.add("`" + name + "` is used in cell " + (g.cells.get(0) + 1)
                        + " but no kept cell defines it: define or import it");
                }
            }
            for (String d : n.defines()) {
                provider.put(d, g);
            }
            for (String m : g.mutatedParams) {
                provider.put(m, g);
            }
            if (g.mutatedParams.size() > 0 || n.mutates().stream().anyMatch(provider::containsKey)) {
                n.mutates().stream().filter(m -> provider.get(m) != null && g.dataParams.contains(m))
                    .forEach(m -> provider.put(m, g));
            }
        }
        // a mutated parameter is handed on: the function that changed it returns it when later groups read it
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            for (String m : g.dataParams) {
                if (g.bodyNames.mutates().contains(m) && !g.bodyNames.defines().contains(m)) {
                    for (int later = gi + 1; later < groups.size(); later++) {
                        if (groups.get(later).dataParams.contains(m)) {
                            g.returns.add(m);
                            break;
                        }
                    }
                }
            }
        }

        // outputs
        List<String> outputs = outputs(groups, graph, kept, analyzed, provider);
        for (String o : outputs) {
            provider.get(o).returns.add(o);
        }
        unusedLocals(groups, outputs);

        // a value passed between functions must not take a name pipeline.py uses: config always, the path helpers
        // when some function reads an input path or writes an output path from config.yaml
        Set<String> generatedNames = new HashSet<>(Set.of("config"));
        Map<String, ExtractionPlan.PathRole> roleOf = new HashMap<>();
        hoisted.config.forEach(k -> roleOf.put(k.key(), k.path()));
        for (Group g : groups) {
            for (String p : g.configParams) {
                ExtractionPlan.PathRole role = roleOf.get(configOfParameter.get(p));
                if (role == ExtractionPlan.PathRole.INPUT) {
                    generatedNames.add("config_path");
                } else if (role == ExtractionPlan.PathRole.OUTPUT) {
                    generatedNames.add("output_path");
                }
            }
        }
        for (Group g : groups) {
            for (String r : g.returns) {
                if (generatedNames.contains(r)) {
                    int cell = g.cells.stream().filter(c -> analyzed.cellNames().containsKey(c)
                        && analyzed.cellNames().get(c).defines().contains(r)).findFirst().orElse(g.cells.get(0));
                    throw new ExtractionRefused("cell " + (cell + 1) + " defines " + r + ", a name the "
                        + "generated pipeline uses for its own " + (r.equals("config") ? "settings" : "helper")
                        + ": rename the variable first");
                }
            }
        }

        // names
        Set<String> takenNames = new HashSet<>(Identifiers.KEYWORDS);
        takenNames.addAll(Identifiers.BUILTINS);
        analyzed.cellNames().values().forEach(c -> takenNames.addAll(c.defines()));
        takenNames.addAll(configOfParameter.keySet());
        Set<Markdown.Heading> headingUsed = new HashSet<>();
        Markdown.Heading titleHeading = titleHeading(notebook);
        for (Group g : groups) {
            if (g.heading != null && !g.heading.equals(titleHeading)) {
                headingName(g, headingUsed).ifPresent(n -> g.name = Identifiers.unique(n, takenNames));
            }
        }
        for (Group g : groups) {
            if (g.name == null) {
                g.name = Identifiers.unique(fallbackName(g, graph), takenNames);
            }
        }

        // build the functions
        List<StageFunction> functions = new ArrayList<>();
        Map<String, String> typeByName = new HashMap<>();
        for (Group g : groups) {
            List<Parameter> params = new ArrayList<>();
            Set<String> hintRoots = new TreeSet<>();
            for (String p : g.dataParams) {
                Group from = provider.containsKey(p) ? findProvider(groups, g, p) : null;
                String hint = hint(from == null ? "" : from.types.getOrDefault(p, ""), importLines);
                params.add(new Parameter(p, hint, ""));
                root(hint).ifPresent(hintRoots::add);
            }
            for (String p : g.configParams) {
                params.add(new Parameter(p, hoisted.typeOf.getOrDefault(p, ""), configOfParameter.get(p)));
            }
            List<Returned> returns = new ArrayList<>();
            List<String> ordered = new ArrayList<>(g.returns);
            CellNames n = g.bodyNames;
            ordered.sort((a, b) -> n.firstDefinition().getOrDefault(a, Span.NONE)
                .compareTo(n.firstDefinition().getOrDefault(b, Span.NONE)));
            for (String r : ordered) {
                String hint = hint(g.types.getOrDefault(r, ""), importLines);
                returns.add(new Returned(r, hint));
                root(hint).ifPresent(hintRoots::add);
                typeByName.put(r, hint);
            }
            List<String> copied = new ArrayList<>();
            for (Parameter p : params) {
                if (g.mutatedParams.contains(p.name()) && (p.typeHint().endsWith(".DataFrame")
                    || p.typeHint().endsWith(".Series"))) {
                    copied.add(p.name());
                }
            }
            Set<String> imports = new LinkedHashSet<>();
            Set<String> used = new TreeSet<>(n.uses());
            n.functions().forEach(f -> used.addAll(f.reads()));
            for (String u : used) {
                if (importLines.containsKey(u) && !g.dataParams.contains(u)) {
                    imports.addAll(importLines.get(u));
                } else if (u.equals("os") && !g.dataParams.contains(u)) {
                    imports.add("import os");
                }
            }
            for (String r : hintRoots) {
                imports.addAll(importLines.getOrDefault(r, List.of()));
            }
            functions.add(new StageFunction(g.name, g.stage, g.cells, docstring(g), params, returns, copied,
                g.body, List.copyOf(imports)));
        }

        // cell decisions
        Map<Integer, String> functionOf = new HashMap<>();
        groups.forEach(g -> g.cells.forEach(c -> functionOf.put(c, g.name)));
        List<CellDecision> decisions = new ArrayList<>();
        for (CodeCell cell : notebook.codeCells()) {
            int i = cell.index();
            if (kept.contains(i)) {
                if (functionOf.containsKey(i)) {
                    decisions.add(new CellDecision(i, true, graph.cell(i).essential()
                        ? "essential: the outputs depend on it" : "exploratory, kept on request",
                        Optional.of(functionOf.get(i))));
                } else {
                    decisions.add(new CellDecision(i, true,
                        "setup only: imports, settings and constants moved to the modules and config.yaml",
                        Optional.empty()));
                }
            } else {
                decisions.add(new CellDecision(i, false, dropReason.get(i), Optional.empty()));
            }
        }

        List<Dependency> dependencies = dependencies(functions, groups, pipSpecs, todos);
        todos.addAll(orderTodos(graph, kept, findings));
        String stem = fileStem(notebook.path());
        Set<String> imported = importedModules(analyzed);
        String packageName = options.packageName() != null ? Identifiers.packageName(options.packageName(), imported)
            : Identifiers.packageName(stem, imported);
        String title = notebook.cells().stream().filter(c -> c instanceof MarkdownCell)
            .map(c -> Markdown.heading(c.source().text())).flatMap(Optional::stream).findFirst().orElse(stem);
        String description = notebook.cells().stream().filter(c -> c instanceof MarkdownCell)
            .map(c -> Markdown.firstParagraph(c.source().text())).filter(s -> !s.isEmpty()).findFirst().orElse("");
        for (String s : hoisted.secretValues) {
            description = description.replace(s, "<secret>");
        }
        return new ExtractionPlan(notebook.path(), packageName.replace('_', '-'), packageName, title, description,
            decisions, functions, hoisted.config, hoisted.secrets, dependencies, outputs,
            List.copyOf(new LinkedHashSet<>(todos)));
    }

    private static void refuseIfNeeded(CellGraph graph, int cell, ParsedCell.Failed f, Set<Integer> kept)
        throws ExtractionRefused {
        if (graph.cell(cell).essential()) {
            throw new ExtractionRefused("cell " + (cell + 1) + " does not parse: " + f.error().message());
        }
    }

    private static final Set<String> PYTHON2_NAMES = Set.of("xrange", "raw_input", "unicode", "basestring",
        "unichr", "execfile", "long", "reduce", "file", "cmp", "reload");

    /**
     * Values a function computes and nobody reads: the notebook's other results. At the top of a body they are
     * returned (and become pipeline outputs); plotting handles and assignments inside blocks lose their name.
     */
    private void unusedLocals(List<Group> groups, List<String> outputs) {
        for (Group g : groups) {
            if (g.module == null) {
                continue;
            }
            List<Span> strip = new ArrayList<>();
            for (var u : dev.nb2prod.extract.plan.UnusedLocals.find(g.module)) {
                if (g.returns.contains(u.name())) {
                    continue;
                }
                if (u.statement() == null || u.topLevel() && !u.figure() && !u.name().startsWith("_")) {
                    g.returns.add(u.name());
                    if (!outputs.contains(u.name())) {
                        outputs.add(u.name());
                    }
                } else {
                    strip.add(new Span(u.statement().span().startLine(), u.statement().span().startCol(),
                        u.statement().value().span().startLine(), u.statement().value().span().startCol()));
                }
            }
            if (!strip.isEmpty()) {
                dev.nb2prod.extract.plan.SourceMap map = new dev.nb2prod.extract.plan.SourceMap(g.body);
                StringBuilder text = new StringBuilder(g.body);
                strip.sort(java.util.Comparator.reverseOrder());
                for (Span s : strip) {
                    int from = map.start(s);
                    int equals = g.body.lastIndexOf('=', map.end(s));
                    if (equals < from) {
                        continue;
                    }
                    int to = equals + 1;
                    while (to < g.body.length() && g.body.charAt(to) == ' ') {
                        to++;
                    }
                    text.delete(from, to);
                }
                g.body = text.toString();
                ParsedCell parsed = frontEnd.parse(g.body);
                g.bodyNames = names.analyze(parsed);
                g.module = parsed instanceof ParsedCell.Parsed p ? p.module() : null;
            }
        }
    }

    /**
     * Functions read globals when they are called, which the cell graph does not count as a dependency of the
     * defining cell: pull in the cells that define what the kept cells' functions read, and their dependencies.
     */
    private static void closeOverDependencies(AnalyzedNotebook analyzed, CellGraph graph, SortedSet<Integer> kept,
                                              Map<Integer, String> dropReason) {
        // indexes built once: looking through every edge and cell for each cell is quadratic in large notebooks
        Map<Integer, List<Integer>> sources = new HashMap<>();
        graph.edges().forEach(e -> sources.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from()));
        Map<String, TreeSet<Integer>> definers = new HashMap<>();
        analyzed.cellNames().forEach((index, names) ->
            names.defines().forEach(name -> definers.computeIfAbsent(name, k -> new TreeSet<>()).add(index)));
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(kept);
        while (!work.isEmpty()) {
            int cell = work.pop();
            Set<Integer> needed = new TreeSet<>(sources.getOrDefault(cell, List.of()));
            for (FunctionInfo f : analyzed.names(cell).functions()) {
                for (String read : f.reads()) {
                    TreeSet<Integer> cells = definers.get(read);
                    Integer definer = cells == null ? null : cells.floor(cell);
                    if (definer != null) {
                        needed.add(definer);
                    }
                }
            }
            for (int n : needed) {
                if (!kept.contains(n) && analyzed.parsed(n) instanceof ParsedCell.Parsed) {
                    kept.add(n);
                    dropReason.remove(n);
                    work.add(n);
                }
            }
        }
    }

    private static final Set<String> ASYNC_KEYWORDS = Set.of("async", "await");

    private static void refusePython2(AnalyzedNotebook analyzed, Set<Integer> kept) throws ExtractionRefused {
        for (int i : kept) {
            Module module = ((ParsedCell.Parsed) analyzed.parsed(i)).module();
            boolean[] old = {false};
            AstWalker.walk(module, n -> {
                if (n instanceof Stmt.Print || n instanceof Stmt.Exec || n instanceof Expr.Repr) {
                    old[0] = true;
                }
            });
            Set<String> oldNames = new TreeSet<>();
            AstWalker.walk(module, n -> {
                if (n instanceof Expr.Name name && PYTHON2_NAMES.contains(name.id())) {
                    oldNames.add(name.id());
                }
            });
            oldNames.removeIf(n -> analyzed.cellNames().values().stream().anyMatch(c -> c.defines().contains(n)));
            if (old[0] || !oldNames.isEmpty()) {
                throw new ExtractionRefused("cell " + (i + 1) + " is Python 2 code ("
                    + (old[0] ? "print statement" : String.join(", ", oldNames)) + "): port it to Python 3 first");
            }
            // async and await were names until Python 3.6; as names the generated code would not compile
            Set<String> keywords = new TreeSet<>();
            AstWalker.walk(module, n -> {
                if (n instanceof Expr.Name name && ASYNC_KEYWORDS.contains(name.id())) {
                    keywords.add(name.id());
                }
            });
            CellNames names = analyzed.cellNames().get(i);
            if (names != null) {
                ASYNC_KEYWORDS.stream().filter(k -> names.defines().contains(k) || names.uses().contains(k))
                    .forEach(keywords::add);
            }
            if (!keywords.isEmpty()) {
                throw new ExtractionRefused("cell " + (i + 1) + " uses " + String.join(" and ", keywords)
                    + " as a name, a keyword since Python 3.7: rename it first");
            }
        }
    }

    private static String cellText(Cell cell) {
        return cell.source().text();
    }

    private static Group findProvider(List<Group> groups, Group consumer, String name) {
        Group found = null;
        for (Group g : groups) {
            if (g == consumer) {
                break;
            }
            if (g.bodyNames.defines().contains(name) || g.mutatedParams.contains(name)) {
                found = g;
            }
        }
        return found;
    }

    private static Optional<String> root(String hint) {
        if (hint.isEmpty() || BUILTIN_TYPES.contains(hint)) {
            return Optional.empty();
        }
        int dot = hint.indexOf('.');
        return Optional.of(dot < 0 ? hint : hint.substring(0, dot));
    }

    /** A hint only when the module or class it names can be imported; else empty. */
    private static String hint(String hint, Map<String, List<String>> importLines) {
        return root(hint).map(r -> importLines.containsKey(r) ? hint : "").orElse(hint);
    }

    private static Map<Integer, Set<Span>> displayFindings(List<Finding> findings) {
        Map<Integer, Set<Span>> out = new TreeMap<>();
        for (Finding f : findings) {
            if ((f.code().equals("NB501") || f.code().equals("NB503")) && f.where() instanceof Finding.Where.Source s) {
                // the rules point at the start of the statement; the rewriter compares whole statement spans
                out.computeIfAbsent(f.cellIndex(), k -> new HashSet<>())
                    .add(new Span(s.line(), s.column() - 1, s.endLine(), s.endColumn() - 1));
            }
        }
        return out;
    }

    /** Every import-bound name → the import statements (one name each) that bind it, in notebook order. */
    private static Map<String, List<String>> importLines(AnalyzedNotebook analyzed) {
        Map<String, List<String>> out = new TreeMap<>();
        for (CellNames n : analyzed.cellNames().values()) {
            for (ImportInfo i : n.imports()) {
                if (i.star() || i.boundName() == null || !i.moduleLevel()) {
                    continue;
                }
                String line;
                if (i.name() == null) {
                    line = i.module().equals(i.boundName()) || i.module().startsWith(i.boundName() + ".")
                        ? "import " + i.module() : "import " + i.module() + " as " + i.boundName();
                } else {
                    line = "from " + ".".repeat(i.level()) + (i.module() == null ? "" : i.module()) + " import "
                        + i.name() + (i.name().equals(i.boundName()) ? "" : " as " + i.boundName());
                }
                List<String> lines = out.computeIfAbsent(i.boundName(), k -> new ArrayList<>());
                boolean submodule = i.name() == null && i.module().equals(i.boundName())
                    || i.name() == null && i.module().startsWith(i.boundName() + ".") && !line.contains(" as ");
                boolean allSubmodules = lines.stream().allMatch(l -> l.startsWith("import ") && !l.contains(" as "));
                if (!lines.contains(line) && (lines.isEmpty() || submodule && allSubmodules)) {
                    lines.add(line);
                }
            }
        }
        return out;
    }

    private String scrubSecrets(String text, Hoister.Result hoisted, List<String> todos, int cell) {
        String out = text;
        for (String s : hoisted.secretValues) {
            if (!s.isEmpty() && out.contains(s)) {
                out = out.replace(s, "<secret removed>");
                todos.add("cell " + (cell + 1) + ": a secret was removed from the code: read it from the environment");
            }
        }
        for (Secrets.Match m : Secrets.find(out)) {
            out = out.replace(m.secret(), "<secret removed>");
            todos.add("cell " + (cell + 1) + ": a secret was removed from the code: read it from the environment");
        }
        return out;
    }

    // ------------------------------------------------------------------ outputs

    private List<String> outputs(List<Group> groups, CellGraph graph, Set<Integer> kept, AnalyzedNotebook analyzed,
                                 Map<String, Group> provider) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> lastDef = new TreeMap<>();
        for (Group g : groups) {
            for (int c : g.cells) {
                Module module = ((ParsedCell.Parsed) analyzed.parsed(c)).module();
                Set<String> fitted = new HashSet<>();
                for (Expr.Call call : AstWalker.find(module, Expr.Call.class)) {
                    if (call.func() instanceof Expr.Attribute a && a.attr().equals("fit") && a.value() instanceof Expr.Name n) {
                        fitted.add(n.id());
                    }
                }
                for (Stmt s : module.body()) {
                    if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n
                        && g.bodyNames.defines().contains(n.id())) {
                        String type = g.types.getOrDefault(n.id(), "");
                        boolean metric = type.equals("float") && a.value() instanceof Expr.Call;
                        boolean model = fitted.contains(n.id()) && a.value() instanceof Expr.Call call
                            && isModel(Dotted.lastPart(call.func()));
                        if (metric || model) {
                            out.add(n.id());
                        }
                    }
                }
            }
        }
        List<Terminal> terminals = graph.terminals().stream().filter(t -> kept.contains(t.cell())).toList();
        for (Terminal t : terminals) {
            Group g = provider.get(t.name());
            if (g != null && g.types.getOrDefault(t.name(), "").endsWith(".DataFrame")) {
                out.add(t.name());
            }
        }
        if (out.isEmpty()) {
            for (Terminal t : terminals) {
                if (provider.containsKey(t.name()) && !figureLike(t, analyzed)) {
                    out.add(t.name());
                }
            }
        }
        out.removeIf(name -> !provider.containsKey(name));
        // notebook order of definition
        List<String> ordered = new ArrayList<>(out);
        Map<String, Integer> position = new HashMap<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            for (String d : groups.get(gi).bodyNames.defines()) {
                position.put(d, gi * 100000 + groups.get(gi).bodyNames.firstDefinition()
                    .getOrDefault(d, Span.NONE).startLine());
            }
        }
        ordered.sort((a, b) -> Integer.compare(provider.get(a) == null ? 0 : groups.indexOf(provider.get(a)) * 100000
            + provider.get(a).bodyNames.firstDefinition().getOrDefault(a, Span.NONE).startLine(),
            provider.get(b) == null ? 0 : groups.indexOf(provider.get(b)) * 100000
            + provider.get(b).bodyNames.firstDefinition().getOrDefault(b, Span.NONE).startLine()));
        lastDef.clear();
        return ordered;
    }

    private static boolean isModel(String cls) {
        if (cls.isEmpty() || !Character.isUpperCase(cls.charAt(0))) {
            return false;
        }
        return NOT_MODELS.stream().noneMatch(cls::contains);
    }

    private static boolean figureLike(Terminal t, AnalyzedNotebook analyzed) {
        String n = t.name();
        if (Set.of("fig", "ax", "axes", "axs", "ax1", "ax2", "g", "p", "f", "_", "resp", "response", "r", "i", "j",
            "k", "x").contains(n)) {
            return true;
        }
        if (analyzed.parsed(t.cell()) instanceof ParsedCell.Parsed p) {
            for (Stmt s : p.module().body()) {
                if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Call call
                    && a.targets().stream().anyMatch(tg -> AstWalker.find(tg, Expr.Name.class).stream()
                        .anyMatch(x -> x.id().equals(n)))) {
                    String root = Dotted.root(call.func()).orElse("");
                    String last = Dotted.lastPart(call.func());
                    if (root.equals("plt") || root.equals("sns") || root.equals("px") || root.equals("go")
                        || last.equals("plot") || last.equals("subplots") || last.equals("figure")) {
                        return true;
                    }
                }
                if (s instanceof Stmt.For f && AstWalker.find(f.target(), Expr.Name.class).stream()
                    .anyMatch(x -> x.id().equals(n))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ naming

    private static String verb(Stage stage) {
        return switch (stage) {
            case INGESTION -> "load";
            case PREPROCESSING -> "clean";
            case FEATURES -> "build";
            case TRAINING -> "train";
            case EVALUATION -> "evaluate";
            case REPORTING -> "report";
        };
    }

    private static String noun(Stage stage) {
        return switch (stage) {
            case INGESTION, PREPROCESSING -> "data";
            case FEATURES -> "features";
            case TRAINING, EVALUATION -> "model";
            case REPORTING -> "results";
        };
    }

    /** The notebook's title: a level-1 heading in the first markdown cell, which names the package, not a step. */
    private static Markdown.Heading titleHeading(dev.nb2prod.notebook.Notebook notebook) {
        for (Cell c : notebook.cells()) {
            if (c instanceof MarkdownCell md) {
                String first = md.source().text().strip();
                if (first.startsWith("# ")) {
                    return Markdown.headingsAbove(notebook).stream().filter(h -> h != null && h.cell() == c.index())
                        .findFirst().orElse(null);
                }
                return null;
            }
        }
        return null;
    }

    private static Optional<String> headingName(Group g, Set<Markdown.Heading> headingUsed) {
        if (headingUsed.contains(g.heading)) {
            return Optional.empty();
        }
        Optional<Stage> hint = StageClassifier.hint(g.heading.text());
        if (hint.isPresent() && hint.get() != g.stage) {
            return Optional.empty();
        }
        List<String> words = Identifiers.meaningfulWords(g.heading.text());
        if (words.isEmpty() || words.size() > 6) {
            return Optional.empty();
        }
        headingUsed.add(g.heading);
        words = words.subList(0, Math.min(4, words.size()));
        String candidate;
        if (VERBS.contains(words.get(0))) {
            candidate = words.size() == 1 ? words.get(0) + "_" + noun(g.stage) : String.join("_", words);
        } else {
            candidate = verb(g.stage) + "_" + String.join("_", words.subList(0, Math.min(3, words.size())));
        }
        return Optional.of(Identifiers.sanitize(candidate, verb(g.stage) + "_" + noun(g.stage)));
    }

    private String fallbackName(Group g, CellGraph graph) {
        if (g.bodyNames.defines().isEmpty() && g.body.contains("seed(")) {
            return "set_random_seed";
        }
        if (g.stage == Stage.REPORTING) {
            for (int c : g.cells) {
                for (IoAccess io : graph.cell(c).outputs()) {
                    String target = io.target();
                    if (!target.isEmpty() && !target.contains("://")) {
                        String file = target.substring(target.lastIndexOf('/') + 1);
                        String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
                        boolean image = file.matches("(?i).*\\.(png|jpg|jpeg|svg|pdf|gif)$");
                        String words = Identifiers.snake(stem, 4);
                        if (!words.isEmpty()) {
                            return Identifiers.sanitize((image ? "plot_" : "write_") + words, "report_results");
                        }
                    }
                }
            }
        }
        String main = g.returns.stream().findFirst()
            .orElse(g.bodyNames.defines().stream().filter(d -> !d.startsWith("_"))
                .min((a, b) -> g.bodyNames.firstDefinition().getOrDefault(a, Span.NONE)
                    .compareTo(g.bodyNames.firstDefinition().getOrDefault(b, Span.NONE))).orElse(""));
        String words = Identifiers.snake(main, 4);
        return Identifiers.sanitize(verb(g.stage) + "_" + (words.isEmpty() ? noun(g.stage) : words),
            verb(g.stage) + "_" + noun(g.stage));
    }

    private static String docstring(Group g) {
        String text;
        if (g.heading != null && g.name != null) {
            text = g.heading.text();
            Optional<Stage> hint = StageClassifier.hint(text);
            if (hint.isPresent() && hint.get() != g.stage) {
                text = sentence(g.name);
            }
        } else {
            text = sentence(g.name);
        }
        text = text.replace("\"", "'").replace("\\", "").strip();
        if (text.length() > 72) {
            text = text.substring(0, 69).strip() + "...";
        }
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") || text.endsWith("...")
            ? text : text + ".";
    }

    private static String sentence(String name) {
        String s = name.replaceAll("_\\d+$", "").replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------ dependencies and todos

    private List<Dependency> dependencies(List<StageFunction> functions, List<Group> groups, List<String> pipSpecs,
                                          List<String> todos) {
        Map<String, String> pins = new TreeMap<>();
        Map<String, String> installed = new LinkedHashMap<>();
        for (String spec : pipSpecs) {
            String name = spec.replaceAll("[\\[<>=!~;].*$", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            String version = spec.matches("[^=]+==[^,;]+") ? spec.substring(spec.indexOf("==") + 2).strip() : "";
            installed.putIfAbsent(Distributions.normalise(name), name);
            if (!version.isEmpty()) {
                pins.put(Distributions.normalise(name), version);
            }
        }
        Map<String, Dependency> out = new TreeMap<>();
        Set<String> modules = new TreeSet<>();
        for (StageFunction f : functions) {
            for (String line : f.imports()) {
                modules.add(line.startsWith("from ") ? line.split("\\s+")[1] : line.split("\\s+")[1]);
            }
        }
        for (Group g : groups) {
            g.bodyNames.imports().forEach(i -> {
                if (i.module() != null && i.level() == 0) {
                    modules.add(i.module());
                }
            });
        }
        for (String module : modules) {
            if (module.startsWith(".")) {
                continue;
            }
            String rootModule = module.split("\\.")[0];
            Optional<String> dist = Distributions.of(module);
            if (dist.isEmpty() || StandardLibrary.contains(rootModule)) {
                continue;
            }
            String d = dist.get();
            String key = Distributions.normalise(d);
            out.putIfAbsent(key, new Dependency(d, rootModule, pins.getOrDefault(key, "")));
        }
        // installed by pip but never imported: engines (openpyxl, pyarrow...) the code needs indirectly
        installed.forEach((key, name) -> {
            if (!out.containsKey(key) && pins.containsKey(key)) {
                out.put(key, new Dependency(name, name.replace('-', '_'), pins.get(key)));
            }
        });
        List<Dependency> list = new ArrayList<>(out.values());
        List<String> unpinned = list.stream().filter(d -> d.version().isEmpty()).map(Dependency::distribution).toList();
        if (!unpinned.isEmpty()) {
            todos.add(0, "pin versions of " + String.join(", ", unpinned) + " (the notebook does not say)");
        }
        return list;
    }

    private static List<String> orderTodos(CellGraph graph, Set<Integer> kept, List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (NameProblem p : graph.hiddenDependencies()) {
            if (kept.contains(p.cell())) {
                out.add("NB102 hidden dependency on " + p.name() + " in cell " + (p.cell() + 1)
                    + " (defined later, in cell " + (p.definedIn().get(0) + 1) + "): check the order");
            }
        }
        for (int i : kept) {
            CellNode node = graph.cell(i);
            if (node.executionCount().isEmpty()) {
                out.add("cell " + (i + 1) + " was never executed in the notebook: its code is included but untested");
            }
        }
        for (Finding f : findings) {
            if (kept.contains(f.cellIndex()) && (f.code().equals("NB602") || f.code().equals("NB106"))) {
                out.add("cell " + (f.cellIndex() + 1) + ": " + f.message());
            }
        }
        return out;
    }

    /** The top-level modules the notebook imports anywhere (a package of the same name would shadow them). */
    private static Set<String> importedModules(AnalyzedNotebook analyzed) {
        Set<String> out = new TreeSet<>();
        for (CellNames n : analyzed.cellNames().values()) {
            for (ImportInfo i : n.imports()) {
                if (i.level() == 0 && i.module() != null && !i.module().isEmpty()) {
                    int dot = i.module().indexOf('.');
                    out.add(dot < 0 ? i.module() : i.module().substring(0, dot));
                }
            }
        }
        return out;
    }

    private static String fileStem(String path) {
        String file = Path.of(path).getFileName().toString();
        return file.toLowerCase(Locale.ROOT).endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length())
            : file;
    }
}
