package dev.nb2prod.extract;

import dev.nb2prod.extract.ExtractionPlan.CellDecision;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Dependency;
import dev.nb2prod.extract.ExtractionPlan.Helper;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.Settings;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.plan.Bundles;
import dev.nb2prod.extract.plan.CellRewriter;
import dev.nb2prod.extract.plan.CellSelection;
import dev.nb2prod.extract.plan.DataFlow;
import dev.nb2prod.extract.plan.DeadStores;
import dev.nb2prod.extract.plan.Group;
import dev.nb2prod.extract.plan.Grouper;
import dev.nb2prod.extract.plan.Helpers;
import dev.nb2prod.extract.plan.Hoister;
import dev.nb2prod.extract.plan.Identifiers;
import dev.nb2prod.extract.plan.Markdown;
import dev.nb2prod.extract.plan.PlanTodos;
import dev.nb2prod.extract.plan.Refusals;
import dev.nb2prod.extract.plan.Signatures;
import dev.nb2prod.extract.plan.ResultSlots;
import dev.nb2prod.extract.plan.StageAssigner;
import dev.nb2prod.extract.plan.StepNames;
import dev.nb2prod.extract.plan.TypeInference;
import dev.nb2prod.extract.plan.Unit;
import dev.nb2prod.extract.plan.UnitBuilder;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.graph.Result;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.MarkdownCell;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.ImportInfo;
import dev.nb2prod.rules.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what {@code nb2prod extract} generates from a notebook, in named passes over immutable records:
 * <ol>
 * <li>cell selection ({@link CellSelection}): the cells the notebook's results depend on, every other cell dropped
 *     with a checkable reason, refusals ({@link Refusals});</li>
 * <li>hoisting ({@link Hoister}): literals to configuration, secrets to the environment;</li>
 * <li>units ({@link UnitBuilder}): each kept cell rewritten and cut at its top-level statements, results assigned to
 *     names ({@link ResultSlots});</li>
 * <li>stage assignment per statement ({@link StageAssigner}) and definitions moved to module level
 *     ({@link Helpers});</li>
 * <li>grouping into step functions ({@link Grouper}) and the data flow between them ({@link DataFlow});</li>
 * <li>naming and docstrings ({@link StepNames}), signatures (a settings object per stage, a NamedTuple beyond
 *     four returned values), the results run_pipeline returns, dependencies and TODOs.</li>
 * </ol>
 * Deterministic: the same input gives the same plan.
 */
public final class Planner {
    private static final int MAX_RETURNS = 4;
    private static final Pattern SETTING = Pattern.compile("(?<![\\w.])params\\.([A-Za-z_]\\w*)");

    private final PythonFrontEnd frontEnd;

    public Planner() {
        this(new SonarPythonFrontEnd());
    }

    public Planner(PythonFrontEnd frontEnd) {
        this.frontEnd = frontEnd;
    }

    public ExtractionPlan plan(AnalyzedNotebook analyzed, CellGraph graph, List<Finding> findings, PlanOptions options)
        throws ExtractionRefused {
        Refusals.checkNotebook(analyzed);
        CellSelection.Selection selection = CellSelection.select(analyzed, graph, options);
        SortedSet<Integer> kept = selection.kept();
        Refusals.checkKept(analyzed, graph, kept);
        Hoister.Result hoisted = new Hoister(analyzed, graph, kept).run(findings);

        var notebook = analyzed.notebook();
        QualifiedNames qualified = QualifiedNames.of(analyzed);
        Map<String, List<String>> importLines = importLines(analyzed);
        List<Markdown.Heading> headings = Markdown.headingsAbove(notebook);
        Set<String> taken = takenNames(analyzed, hoisted);
        List<String> todos = new ArrayList<>(selection.notes());
        todos.addAll(hoisted.notes);

        // units: the kept cells rewritten and cut at their statements, displayed expressions assigned to names
        List<Result> results = selection.results().stream().filter(r -> kept.contains(r.cell())).toList();
        Map<Integer, Map<Span, String>> expressionNames = ResultSlots.expressionNames(results, analyzed, kept,
            headings, taken);
        UnitBuilder builder = new UnitBuilder(analyzed, graph, frontEnd);
        Map<Integer, Map<Span, String>> redisplays = options.figures()
            ? ResultSlots.figureRedisplays(results, analyzed, kept, taken) : Map.of();
        Map<Integer, Map<Span, String>> replacements = new HashMap<>();
        expressionNames.forEach((cell, names) -> names.forEach((span, name) -> replacements
            .computeIfAbsent(cell, k -> new HashMap<>()).put(span, name + " = " + CellRewriter.EXPRESSION)));
        redisplays.forEach((cell, names) -> names.forEach((span, name) -> replacements
            .computeIfAbsent(cell, k -> new HashMap<>()).put(span, name + " = save_figure(params.figures_dir, "
                + pyString(name.replaceAll("_figure$", "")) + ", " + CellRewriter.EXPRESSION + ")")));
        UnitBuilder.Built built = builder.build(kept, hoisted, displayFindings(findings), replacements);
        todos.addAll(built.notes());
        List<Unit> units = StageAssigner.assign(built.units());
        Set<String> moduleNames = new HashSet<>(importLines.keySet());
        moduleNames.addAll(Identifiers.BUILTINS);
        moduleNames.add("logger");
        Helpers.Moved moved = new Helpers(frontEnd).move(units, moduleNames, importLines);
        List<Helper> helpers = moved.helpers().stream().map(h -> new Helper(h.name(), h.stage(), h.cell(),
            DeadStores.strip(h.code(), Set.of(), frontEnd), h.imports())).toList();
        units = moved.units();
        Set<String> helperNames = new TreeSet<>();
        helpers.forEach(h -> helperNames.add(h.name()));

        // results placed on the units, snapshots appended; figures cut into groups of their own
        Set<Integer> figureCells = figureCells(units, results);
        Map<List<Integer>, Map<String, String>> typesBeforeSnapshots = typesAfter(units, qualified, analyzed);
        ResultSlots.Placed placed = ResultSlots.place(results, units, expressionNames, redisplays, figureCells,
            headings, taken,
            (unit, name) -> typesBeforeSnapshots.getOrDefault(List.of(unit.cell(), unit.ordinal()), Map.of())
                .getOrDefault(name, ""));
        todos.addAll(placed.notes());
        units = withSnapshots(units, placed.slots());
        // again with the snapshot lines, which give the names results are returned under their types
        Map<List<Integer>, Map<String, String>> typesAfter = typesAfter(units, qualified, analyzed);
        Grouper.Grouped grouped = Grouper.group(units, figureCells);
        todos.addAll(grouped.notes());
        List<Group> groups = grouped.groups();

        // bodies: figure groups end by saving their figure; per group the result names it returns
        List<String> bodies = new ArrayList<>();
        List<Set<String>> anchored = new ArrayList<>();
        Map<Integer, ResultSlots.Slot> figureSlots = new HashMap<>();
        placed.slots().stream().filter(s -> s.kind() == ResultKind.FIGURE && s.anchor() == null)
            .forEach(s -> figureSlots.put(s.result().cell(), s));
        boolean figuresSaved = placed.slots().stream().anyMatch(s -> s.kind() == ResultKind.FIGURE);
        for (Group g : groups) {
            Set<String> names = new LinkedHashSet<>();
            String body = g.body();
            if (g.draws() && figureSlots.containsKey(g.figure())) {
                ResultSlots.Slot slot = figureSlots.get(g.figure());
                String file = slot.name().replaceAll("_figure$", "");
                body = body + "\n" + slot.name() + " = save_figure(params.figures_dir, " + pyString(file)
                    + shownFigure(analyzed, g.figure()).map(n -> ", " + n).orElse("") + ")";
                names.add(slot.name());
            }
            for (ResultSlots.Slot slot : placed.slots()) {
                if (slot.anchor() != null && g.units().contains(slotAnchor(slot, units)) && !slot.name().isEmpty()) {
                    names.add(slot.name());
                }
            }
            bodies.add(body);
            anchored.add(names);
        }
        // dead stores: values a function computes that nothing reads and that are no result; removing one may
        // leave a value an earlier function returned for it unread: repeat until nothing changes
        List<DataFlow.Flow> flows = DataFlow.of(bodies, anchored, helperNames, importLines.keySet(), frontEnd);
        for (int pass = 0; pass < 10; pass++) {
            boolean changed = false;
            for (int i = 0; i < bodies.size(); i++) {
                String stripped = DeadStores.strip(bodies.get(i), Set.copyOf(flows.get(i).returns()), frontEnd);
                changed |= !stripped.equals(bodies.get(i));
                bodies.set(i, stripped);
            }
            if (!changed) {
                break;
            }
            flows = DataFlow.of(bodies, anchored, helperNames, importLines.keySet(), frontEnd);
        }
        for (int i = 0; i < flows.size(); i++) {
            for (String u : flows.get(i).undefined()) {
                Refusals.checkOrder(graph, groups.get(i).cells(), u);
                todos.add("`" + u + "` is used in cell " + (groups.get(i).cells().get(0) + 1)
                    + " but no kept cell defines it: define or import it");
            }
        }

        // names, signatures, docstrings
        String titleText = titleHeading(notebook).orElse(null);
        // the class of each fitted model, by the name the package returns it under
        Map<String, String> estimators = new HashMap<>();
        placed.slots().forEach(slot -> {
            if (slot.result() instanceof Result.Model m) {
                estimators.put(slot.name(), m.estimator());
            }
        });
        StepNames naming = new StepNames(graph, titleText, estimators);
        List<StepNames.Step> steps = new ArrayList<>();
        Set<String> sectionsSeen = new HashSet<>();
        Map<String, ResultKind> kinds = new HashMap<>();
        placed.slots().forEach(s -> kinds.put(s.name(), s.kind()));
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            Map<String, ResultKind> own = new LinkedHashMap<>();
            anchored.get(i).forEach(n -> own.put(n, kinds.getOrDefault(n, ResultKind.DISPLAYED)));
            String title = g.draws() ? graph.results().stream().filter(r -> r instanceof Result.Figure f
                && f.cell() == g.figure()).map(r -> ((Result.Figure) r).title()).findFirst().orElse("") : "";
            steps.add(new StepNames.Step(g, flows.get(i).returns(), own, title,
                sectionsSeen.add(String.valueOf(g.heading()))));
        }
        Set<String> functionTaken = new HashSet<>(taken);
        functionTaken.addAll(helperNames);
        List<String> functionNames = naming.names(steps, functionTaken);

        Set<Integer> savedFigures = figureSlots.keySet();
        List<Signatures.Signature> signatures = new Signatures(importLines, helpers).of(groups, flows,
            g -> {
                Unit last = g.units().get(g.units().size() - 1);
                return typesAfter.getOrDefault(List.of(last.cell(), last.ordinal()), Map.of());
            }, kinds, savedFigures);
        List<StageFunction> functions = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            Signatures.Signature sig = signatures.get(i);
            String name = functionNames.get(i);
            String resultClass = sig.returns().size() > MAX_RETURNS ? camel(name) + "Result" : "";
            String summary = naming.summary(steps.get(i), flows.get(i).inputs(), estimators);
            String details = steps.get(i).firstOfSection() ? details(notebook, g) : "";
            functions.add(new StageFunction(name, g.stage(), g.cells(), summary, details, sig.parameters(),
                sig.returns(), resultClass, sig.copiedOnEntry(), sig.body(), sig.imports()));
        }
        functions = new ArrayList<>(Bundles.apply(functions, n -> camel(n) + "Result"));

        // settings: each key in the section of the one stage that reads it, else at the top level
        List<ConfigKey> config = new ArrayList<>();
        List<Settings> settings = settings(functions, hoisted.config, figuresSaved, config);
        // results, in notebook order
        List<PlanResult> planResults = planResults(placed.slots(), groups, functions, units, config, hoisted, analyzed);
        if (planResults.stream().anyMatch(r -> r.kind() == ResultKind.MODEL_FILE)) {
            int shared = (int) config.stream().filter(k -> !k.key().contains(".")).count();
            config.add(shared, new ConfigKey("models_dir", "\"models\"", "str", "where the fitted models are saved",
                PathRole.OUTPUT));
        }

        // cell decisions
        Map<Integer, List<String>> functionsOf = new TreeMap<>();
        for (StageFunction f : functions) {
            f.cells().forEach(c -> functionsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(f.name()));
        }
        for (Helper h : helpers) {
            functionsOf.computeIfAbsent(h.cell(), k -> new ArrayList<>()).add(h.name());
        }
        List<CellDecision> decisions = new ArrayList<>();
        for (CellSelection.Choice choice : selection.choices().values()) {
            if (choice.kept() && !functionsOf.containsKey(choice.cell())) {
                decisions.add(new CellDecision(choice.cell(), true, Optional.empty(),
                    "setup only: imports, settings and constants moved to the modules and config.yaml", List.of()));
            } else {
                decisions.add(new CellDecision(choice.cell(), choice.kept(), Optional.ofNullable(choice.drop()),
                    choice.reason(),
                    functionsOf.getOrDefault(choice.cell(), List.of())));
            }
        }

        List<String> pipSpecs = new ArrayList<>(built.pipSpecs());
        pipSpecs.addAll(builder.pipSpecsOfDropped(kept));
        List<Dependency> dependencies = PlanTodos.dependencies(functions, helpers, pipSpecs, todos);
        // a function moved to module level now takes the globals it read: that finding is dealt with
        List<Finding> open = findings.stream().filter(f -> !(f.code().equals("NB106") && helpers.stream()
            .anyMatch(h -> f.message().startsWith("function " + h.name() + "()")))).toList();
        todos.addAll(PlanTodos.orderTodos(graph, kept, open));
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
        checkGeneratedNames(functions, settings, analyzed);
        return new ExtractionPlan(notebook.path(), packageName.replace('_', '-'), packageName, title, description,
            decisions, helpers, functions, config, settings, hoisted.secrets, dependencies, planResults,
            List.copyOf(new LinkedHashSet<>(todos)));
    }

    // ------------------------------------------------------------------ results and figures

    /** Cells whose figure is saved: they have a figure result and drawing code among the units. */
    private static Set<Integer> figureCells(List<Unit> units, List<Result> results) {
        Set<Integer> drawing = new HashSet<>();
        units.stream().filter(u -> u.kind() == Unit.Kind.DRAWING).forEach(u -> drawing.add(u.cell()));
        Set<Integer> out = new TreeSet<>();
        results.stream().filter(r -> r instanceof Result.Figure && drawing.contains(r.cell()))
            .forEach(r -> out.add(r.cell()));
        return out;
    }

    /** The units with the snapshot statements of the results appended to their anchors. */
    private List<Unit> withSnapshots(List<Unit> units, List<ResultSlots.Slot> slots) {
        Map<Unit, List<String>> extra = new HashMap<>();
        for (ResultSlots.Slot s : slots) {
            if (!s.snapshot().isEmpty()) {
                extra.computeIfAbsent(s.anchor(), k -> new ArrayList<>()).add(s.snapshot());
            }
        }
        if (extra.isEmpty()) {
            return units;
        }
        List<Unit> out = new ArrayList<>();
        dev.nb2prod.python.names.NameAnalyzer analyzer = new dev.nb2prod.python.names.NameAnalyzer();
        for (Unit u : units) {
            if (!extra.containsKey(u)) {
                out.add(u);
                continue;
            }
            String text = u.text() + "\n" + String.join("\n", extra.get(u));
            ParsedCell parsed = frontEnd.parse(text);
            out.add(parsed instanceof ParsedCell.Parsed p ? u.withText(text, p.module(), analyzer.analyze(p.module())) : u);
        }
        return out;
    }

    /** The unit in {@code units} that stands for a slot's anchor (the anchor may have been given a snapshot line). */
    private static Unit slotAnchor(ResultSlots.Slot slot, List<Unit> units) {
        for (Unit u : units) {
            if (u.cell() == slot.anchor().cell() && u.ordinal() == slot.anchor().ordinal()) {
                return u;
            }
        }
        return null;
    }

    private List<PlanResult> planResults(List<ResultSlots.Slot> slots, List<Group> groups, List<StageFunction> functions,
                                         List<Unit> units, List<ConfigKey> config, Hoister.Result hoisted,
                                         AnalyzedNotebook analyzed) {
        List<PlanResult> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ResultSlots.Slot slot : slots) {
            Result r = slot.result();
            if (slot.kind() == ResultKind.FILE) {
                fileResult((Result.Written) r, config, hoisted, analyzed).filter(p -> names.add(p.name()))
                    .ifPresent(out::add);
                continue;
            }
            StageFunction producer = null;
            for (int i = 0; i < groups.size(); i++) {
                Group g = groups.get(i);
                boolean here = slot.kind() == ResultKind.FIGURE && slot.anchor() == null
                    ? g.draws() && g.figure() == r.cell() : g.units().contains(slotAnchor(slot, units));
                if (here) {
                    producer = functions.get(i);
                }
            }
            if (producer == null || !names.add(slot.name())) {
                continue;
            }
            String type = producer.returns().stream().filter(x -> x.name().equals(slot.name())).map(Returned::typeHint)
                .findFirst().orElse("");
            String file = slot.kind() == ResultKind.FIGURE ? "figures/" + slot.name().replaceAll("_figure$", "") + ".png"
                : "";
            out.add(new PlanResult(slot.name(), slot.kind(), r.cell(), producer.name(),
                slot.kind() == ResultKind.FIGURE ? "str" : type, slot.variable(), file, r.describe()));
            if (slot.kind() == ResultKind.MODEL && names.add(slot.name() + "_file")) {
                out.add(new PlanResult(slot.name() + "_file", ResultKind.MODEL_FILE, r.cell(), "", "str",
                    "", "models/" + slot.name() + ".joblib", slot.name() + " saved"));
            }
        }
        return out;
    }

    /** A written file whose path moved to an output key of config.yaml: returned as that resolved path. */
    private static Optional<PlanResult> fileResult(Result.Written w, List<ConfigKey> config, Hoister.Result hoisted,
                                                   AnalyzedNotebook analyzed) {
        if (w.access().target().isEmpty()) {
            return Optional.empty();
        }
        for (ConfigKey key : config) {
            if (key.path() == PathRole.OUTPUT && key.yamlValue().equals(yamlQuoted(w.access().target()))) {
                return Optional.of(new PlanResult(key.field(), ResultKind.FILE, w.cell(), "", "str", "",
                    key.key(), w.describe()));
            }
        }
        return Optional.empty();
    }

    private static String yamlQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ------------------------------------------------------------------ settings

    /**
     * The settings objects: each hoisted key goes into the section of the one stage whose functions read it, or to
     * the top level when several stages do (and the seed, always); keys nothing reads are left out.
     */
    private static List<Settings> settings(List<StageFunction> functions, List<ConfigKey> hoisted, boolean figures,
                                           List<ConfigKey> config) {
        Map<String, Set<Stage>> stagesOf = new LinkedHashMap<>();
        for (StageFunction f : functions) {
            Matcher m = SETTING.matcher(f.body());
            while (m.find()) {
                stagesOf.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(f.stage());
            }
        }
        List<ConfigKey> all = new ArrayList<>(hoisted);
        if (figures) {
            all.add(new ConfigKey("figures_dir", "\"figures\"", "str", "where the figures are saved", PathRole.OUTPUT));
        }
        Map<Stage, List<ConfigKey>> byStage = new TreeMap<>();
        for (ConfigKey key : all) {
            Set<Stage> stages = stagesOf.getOrDefault(key.key(), Set.of());
            if (stages.isEmpty()) {
                continue;
            }
            boolean shared = stages.size() > 1 || key.key().equals("random_seed") || key.key().equals("figures_dir");
            ConfigKey placedKey = shared ? key : new ConfigKey(stages.iterator().next().module() + "." + key.key(),
                key.yamlValue(), key.pythonType(), key.comment(), key.path());
            config.add(placedKey);
            stages.forEach(s -> byStage.computeIfAbsent(s, k -> new ArrayList<>()).add(placedKey));
        }
        List<Settings> out = new ArrayList<>();
        byStage.forEach((stage, keys) -> out.add(new Settings(stage, Signatures.settingsClass(stage), keys)));
        // config.yaml order: shared keys first, then the sections in pipeline order
        config.sort(java.util.Comparator.comparing((ConfigKey k) -> k.key().contains(".") ? 1 : 0)
            .thenComparing(k -> k.key().contains(".") ? Stage.valueOf(k.key().substring(0, k.key().indexOf('.'))
                .toUpperCase(Locale.ROOT)).ordinal() : 0));
        return out;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** The names pipeline.py binds itself must not be taken by values passed between functions. */
    private static void checkGeneratedNames(List<StageFunction> functions, List<Settings> settings,
                                            AnalyzedNotebook analyzed) throws ExtractionRefused {
        Set<String> generated = new HashSet<>(Set.of("config", "config_path", "output_path", "save_model"));
        settings.forEach(s -> generated.add(s.stage().module() + "_params"));
        for (StageFunction f : functions) {
            for (Returned r : f.returns()) {
                if (generated.contains(r.name())) {
                    int cell = f.cells().stream().filter(c -> analyzed.names(c).defines().contains(r.name()))
                        .findFirst().orElse(f.cells().get(0));
                    throw new ExtractionRefused("cell " + (cell + 1) + " defines " + r.name() + ", a name the "
                        + "generated pipeline uses for its own " + (r.name().equals("config") ? "settings" : "helper")
                        + ": rename the variable first");
                }
            }
        }
    }

    // ------------------------------------------------------------------ text of the notebook

    /** The paragraph under a group's heading, when it says more than the heading (never the notebook's title's). */
    private static String details(dev.nb2prod.notebook.Notebook notebook, Group g) {
        Unit first = g.units().get(0);
        if (first.section() == null || titleHeading(notebook).map(t -> t.equals(first.section().text())).orElse(false)
            && firstMarkdown(notebook) == first.section().cell()) {
            return "";
        }
        Cell cell = notebook.cells().get(first.section().cell());
        String paragraph = Markdown.firstParagraph(cell.source().text());
        return paragraph.length() < 12 ? "" : paragraph;
    }

    /** The notebook's title: a level-1 heading in the first markdown cell, which names the package, not a step. */
    private static Optional<String> titleHeading(dev.nb2prod.notebook.Notebook notebook) {
        for (Cell c : notebook.cells()) {
            if (c instanceof MarkdownCell md) {
                String first = md.source().text().strip();
                return first.startsWith("# ") ? Markdown.heading(first) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The variable a figure cell ends with ({@code fig}): the figure it shows, which may be an earlier one. */
    private static Optional<String> shownFigure(AnalyzedNotebook analyzed, int cell) {
        if (analyzed.parsed(cell) instanceof ParsedCell.Parsed p && !p.module().body().isEmpty()
            && p.module().body().get(p.module().body().size() - 1) instanceof dev.nb2prod.python.ast.Stmt.ExprStmt e
            && e.value() instanceof dev.nb2prod.python.ast.Expr.Name n) {
            return Optional.of(n.id());
        }
        return Optional.empty();
    }

    private static int firstMarkdown(dev.nb2prod.notebook.Notebook notebook) {
        return notebook.cells().stream().filter(c -> c instanceof MarkdownCell).map(Cell::index).findFirst().orElse(-1);
    }

    private static String pyString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ------------------------------------------------------------------ names of the notebook

    private static Set<String> takenNames(AnalyzedNotebook analyzed, Hoister.Result hoisted) {
        Set<String> taken = new HashSet<>(Identifiers.KEYWORDS);
        taken.addAll(Identifiers.BUILTINS);
        for (CellNames n : analyzed.cellNames().values()) {
            taken.addAll(n.defines());
            taken.addAll(n.uses());
            n.functions().forEach(f -> taken.addAll(f.reads()));
        }
        taken.addAll(Set.of("params", "config", "logger", "save_figure", "save_model", "config_path", "output_path",
            "copy", "os"));
        hoisted.config.forEach(k -> taken.add(k.key()));
        return taken;
    }

    /**
     * The type hints known after each unit, in notebook order, by (cell, ordinal): later passes replace the units
     * with copies (snapshot lines, the stage decided), which must find their hints too.
     */
    private static Map<List<Integer>, Map<String, String>> typesAfter(List<Unit> units, QualifiedNames qualified,
                                                                   AnalyzedNotebook analyzed) {
        TypeInference types = new TypeInference(qualified, allImports(analyzed));
        Map<List<Integer>, Map<String, String>> out = new HashMap<>();
        for (Unit u : units) {
            types.learn(u.code());
            out.put(List.of(u.cell(), u.ordinal()), types.snapshot());
        }
        return out;
    }

    private static List<ImportInfo> allImports(AnalyzedNotebook analyzed) {
        List<ImportInfo> out = new ArrayList<>();
        analyzed.cellNames().values().forEach(n -> out.addAll(n.imports()));
        return out;
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
