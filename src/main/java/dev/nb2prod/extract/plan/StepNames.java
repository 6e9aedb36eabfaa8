package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.extract.Stage;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.IoAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names and docstrings of the step functions, from what their code computes (the results it produces, the files it
 * reads and writes, the models it fits) and from the headings and section comments above it; the heading text itself
 * is never the docstring, its paragraph may be the details.
 */
public final class StepNames {
    private static final Set<String> VERBS = Set.of("load", "read", "fetch", "download", "clean", "prepare",
        "preprocess", "filter", "build", "create", "make", "compute", "engineer", "encode", "split", "train", "fit",
        "evaluate", "score", "predict", "plot", "save", "write", "export", "report", "visualize", "visualise",
        "merge", "explore", "summarize", "summarise", "calculate", "transform", "tune", "test", "validate",
        "analyse", "analyze", "get", "select", "aggregate", "generate", "apply", "define", "run", "check", "scale",
        "impute", "join", "combine", "extract", "parse", "format", "send", "upload", "publish", "store");
    private static final int MAX_SUMMARY = 72;

    /**
     * What naming needs to know of a group.
     *
     * @param group the group
     * @param returns the names it returns
     * @param results the kinds of the results it produces, by name
     * @param figureTitle the title of the figure it saves, or empty
     * @param firstOfSection true when it is the first group under its heading
     */
    public record Step(Group group, List<String> returns, java.util.Map<String, ResultKind> results, String figureTitle,
                       boolean firstOfSection) {}

    private final CellGraph graph;
    private final String title;
    private final java.util.Map<String, String> estimators;

    /**
     * @param title the notebook's title heading (it names the package, never a step), or null
     * @param estimators the class of each fitted model, by variable
     */
    public StepNames(CellGraph graph, String title, java.util.Map<String, String> estimators) {
        this.graph = graph;
        this.title = title;
        this.estimators = java.util.Map.copyOf(estimators);
    }

    /** Unique names for the steps, in order. */
    public List<String> names(List<Step> steps, Set<String> taken) {
        List<String> out = new ArrayList<>();
        Set<String> headingUsed = new HashSet<>();
        for (Step step : steps) {
            String base = fromCode(step).orElseGet(() -> fromHeading(step, headingUsed).orElse(fallback(step)));
            out.add(Identifiers.unique(Identifiers.sanitize(base, verb(step.group().stage()) + "_data"), taken));
        }
        return out;
    }

    /** Names that say what the code does: figures, style, seeding, models, reads and writes. */
    private Optional<String> fromCode(Step step) {
        Group g = step.group();
        if (g.draws()) {
            String words = String.join("_", Identifiers.words(step.figureTitle()).stream().limit(5).toList());
            if (words.isEmpty()) {
                words = step.results().keySet().stream().filter(n -> step.results().get(n) == ResultKind.FIGURE)
                    .findFirst().map(n -> n.replaceAll("_figure$", "")).orElse("figure");
            }
            return Optional.of("plot_" + words);
        }
        if (g.units().stream().allMatch(u -> u.kind() == Unit.Kind.STYLE)) {
            return Optional.of("set_plot_style");
        }
        if (g.units().stream().allMatch(u -> u.kind() == Unit.Kind.SEED)) {
            return Optional.of("set_random_seed");
        }
        List<String> models = byKind(step, ResultKind.MODEL);
        if (!models.isEmpty()) {
            return Optional.of(models.size() == 1 ? "train_" + modelWords(models.get(0), step) : "train_models");
        }
        if (g.stage() == Stage.INGESTION) {
            Optional<String> file = fileStem(g, true);
            if (file.isPresent()) {
                return Optional.of("load_" + file.get());
            }
        }
        if (g.stage() == Stage.REPORTING) {
            Optional<String> file = fileStem(g, false);
            if (file.isPresent()) {
                return Optional.of("write_" + file.get());
            }
            if (!hosts(g).isEmpty()) {
                return Optional.of("send_results");
            }
        }
        if (g.stage() == Stage.FEATURES) {
            List<String> columns = assignedColumns(g);
            if (!columns.isEmpty() && !step.returns().isEmpty() && step.returns().stream().allMatch(r -> g.units()
                .stream().anyMatch(u -> u.names().mutates().contains(r))
                && g.units().stream().noneMatch(u -> u.names().defines().contains(r)))) {
                return Optional.of("add_" + (columns.size() == 1 ? Identifiers.snake(columns.get(0), 3) : "features"));
            }
        }
        List<String> displayed = byKind(step, ResultKind.DISPLAYED);
        if (displayed.size() == 1 && step.results().size() == 1) {
            return Optional.of("compute_" + displayed.get(0));
        }
        return Optional.empty();
    }

    /** The words of a model's class when it is the only model of that class, else its variable. */
    private String modelWords(String variable, Step step) {
        String estimator = estimators.getOrDefault(variable, "");
        long sameClass = estimators.values().stream().filter(estimator::equals).count();
        if (estimator.isEmpty() || sameClass > 1) {
            return variable;
        }
        String words = String.join("_", Identifiers.words(estimator)).replaceAll("_(classifier|regressor)$", "");
        return words.isEmpty() ? variable : words;
    }

    /** True when the group splits data with train_test_split. */
    private static boolean splits(Group g) {
        return g.units().stream().anyMatch(u -> dev.nb2prod.python.ast.AstWalker.find(u.code(),
            dev.nb2prod.python.ast.Expr.Call.class).stream().anyMatch(c -> dev.nb2prod.python.ast.Dotted.lastPart(
                c.func()).equals("train_test_split")));
    }

    /** The columns the group assigns: {@code df['noise'] = ...}. */
    private static List<String> assignedColumns(Group g) {
        List<String> out = new ArrayList<>();
        for (Unit u : g.units()) {
            for (var s : u.code().body()) {
                if (s instanceof dev.nb2prod.python.ast.Stmt.Assign a) {
                    for (var t : a.targets()) {
                        if (t instanceof dev.nb2prod.python.ast.Expr.Subscript sub
                            && sub.slice() instanceof dev.nb2prod.python.ast.Expr.Str column) {
                            out.add(column.value());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> byKind(Step step, ResultKind kind) {
        return step.results().entrySet().stream().filter(e -> e.getValue() == kind).map(java.util.Map.Entry::getKey)
            .toList();
    }

    /** The stem of the first file the group reads (or writes), as words. */
    private Optional<String> fileStem(Group g, boolean input) {
        for (Unit u : g.units()) {
            var node = graph.cell(u.cell());
            for (IoAccess io : input ? node.inputs() : node.outputs()) {
                if (!u.covers(io.span()) || io.target().isEmpty() || io.target().contains("://")) {
                    continue;
                }
                String file = io.target().substring(io.target().lastIndexOf('/') + 1);
                String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
                String words = String.join("_", Identifiers.words(stem).stream().limit(4).toList());
                if (!words.isEmpty()) {
                    return Optional.of(words);
                }
            }
        }
        return Optional.empty();
    }

    /** A name from the section comment or the heading above the group, when it fits the group's stage. */
    private Optional<String> fromHeading(Step step, Set<String> headingUsed) {
        Group g = step.group();
        String sub = g.units().get(0).subheading();
        String text = sub != null ? sub : step.firstOfSection() ? g.heading() : null;
        if (text == null || text.equals(title) || !headingUsed.add(g.units().get(0).cell() + ":" + text)) {
            return Optional.empty();
        }
        Optional<Stage> hint = StageClassifier.hint(text);
        if (hint.isPresent() && hint.get() != g.stage()) {
            return Optional.empty();
        }
        List<String> words = Identifiers.meaningfulWords(text);
        if (words.isEmpty() || words.size() > 6) {
            return Optional.empty();
        }
        words = words.subList(0, Math.min(4, words.size()));
        if (words.equals(List.of("feature", "engineering")) || words.equals(List.of("features"))) {
            return Optional.of("engineer_features");
        }
        if (VERBS.contains(words.get(0))) {
            return Optional.of(words.size() == 1 ? words.get(0) + "_" + noun(g.stage()) : String.join("_", words));
        }
        return Optional.of(verb(g.stage()) + "_" + String.join("_", words.subList(0, Math.min(3, words.size()))));
    }

    private static String fallback(Step step) {
        Group g = step.group();
        String main = step.returns().stream().findFirst().orElse("");
        String words = Identifiers.snake(main, 3);
        return verb(g.stage()) + "_" + (words.isEmpty() ? noun(g.stage()) : words);
    }

    static String verb(Stage stage) {
        return switch (stage) {
            case INGESTION -> "load";
            case PREPROCESSING -> "clean";
            case FEATURES -> "build";
            case TRAINING -> "train";
            case EVALUATION -> "evaluate";
            case REPORTING -> "report";
        };
    }

    static String noun(Stage stage) {
        return switch (stage) {
            case INGESTION, PREPROCESSING -> "data";
            case FEATURES -> "features";
            case TRAINING, EVALUATION -> "model";
            case REPORTING -> "results";
        };
    }

    /**
     * The summary line: what the function computes, from its code.
     *
     * @param inputs its data parameters
     * @param estimators the model classes it fits, by variable
     */
    public String summary(Step step, List<String> inputs, java.util.Map<String, String> estimators) {
        Group g = step.group();
        List<String> sentences = new ArrayList<>();
        if (g.draws()) {
            sentences.add(step.figureTitle().isEmpty() ? "Draw the figure of cell " + (g.figure() + 1) + " and save it"
                : "Draw the figure '" + shorten(step.figureTitle(), 40) + "' and save it");
            return sentence(sentences);
        }
        if (g.units().stream().allMatch(u -> u.kind() == Unit.Kind.STYLE)) {
            return "Set the style of the figures that follow.";
        }
        if (g.units().stream().allMatch(u -> u.kind() == Unit.Kind.SEED)) {
            return "Seed the global random generator, as the notebook does.";
        }
        List<String> reads = files(g, true);
        List<String> writes = files(g, false);
        List<String> models = byKind(step, ResultKind.MODEL);
        List<String> metrics = byKind(step, ResultKind.METRIC);
        Set<String> described = new LinkedHashSet<>();
        if (!reads.isEmpty()) {
            sentences.add("Read " + list(reads) + (step.returns().isEmpty() ? "" : " into " + list(step.returns())));
            described.addAll(step.returns());
        }
        if (!models.isEmpty()) {
            sentences.add("Fit " + list(models.stream().map(m -> estimators.containsKey(m)
                ? m + " (" + estimators.get(m) + ")" : m).toList()));
            described.addAll(models);
        }
        if (!metrics.isEmpty()) {
            sentences.add("Compute " + list(metrics));
            described.addAll(metrics);
        }
        if (!writes.isEmpty()) {
            sentences.add("Write " + list(writes));
        }
        List<String> hosts = hosts(g);
        if (!hosts.isEmpty()) {
            sentences.add("Send the results to " + list(hosts));
        }
        List<String> columns = assignedColumns(g);
        List<String> rest = new ArrayList<>(step.returns().stream().filter(r -> !described.contains(r)).toList());
        if (g.stage() == Stage.FEATURES && !columns.isEmpty()) {
            sentences.add("Add " + (columns.size() == 1 ? "the column " + columns.get(0) : columns.size() + " columns")
                + (inputs.size() == 1 ? " to " + inputs.get(0) : ""));
            rest.removeAll(inputs);
        }
        if (splits(g)) {
            sentences.add("Split the data into training and test sets");
            rest.removeIf(r -> r.toLowerCase(java.util.Locale.ROOT).contains("train")
                || r.toLowerCase(java.util.Locale.ROOT).contains("test"));
        }
        if (!rest.isEmpty()) {
            String verb = switch (g.stage()) {
                case PREPROCESSING -> rest.equals(inputs.stream().filter(rest::contains).toList()) ? "Clean " : "Compute ";
                case FEATURES -> "Derive ";
                default -> "Compute ";
            };
            boolean from = !inputs.isEmpty() && inputs.size() <= 2 && rest.stream().noneMatch(inputs::contains);
            sentences.add(verb + list(rest) + (from ? " from " + list(inputs) : ""));
        }
        if (sentences.isEmpty()) {
            sentences.add(inputs.isEmpty() ? "Run the code of " + cells(g)
                : "Check and log " + list(inputs) + " as " + cells(g) + " does");
        }
        return sentence(sentences);
    }

    private static String cells(Group g) {
        List<Integer> cells = g.cells();
        return cells.size() == 1 ? "cell " + (cells.get(0) + 1) : "cells " + (cells.get(0) + 1) + "-"
            + (cells.get(cells.size() - 1) + 1);
    }

    /** The names of the files the group reads (or writes); URLs are left out. */
    private List<String> files(Group g, boolean input) {
        List<String> out = new ArrayList<>();
        for (Unit u : g.units()) {
            var node = graph.cell(u.cell());
            for (IoAccess io : input ? node.inputs() : node.outputs()) {
                String t = io.target();
                if (u.covers(io.span()) && !t.isEmpty() && !t.contains("://")) {
                    String file = t.substring(t.lastIndexOf('/') + 1);
                    if (!file.isEmpty() && !out.contains(file)) {
                        out.add(file);
                    }
                }
            }
        }
        return out;
    }

    /** The hosts the group sends data to over HTTP. */
    private List<String> hosts(Group g) {
        List<String> out = new ArrayList<>();
        for (Unit u : g.units()) {
            for (IoAccess io : graph.cell(u.cell()).outputs()) {
                String t = io.target();
                if (u.covers(io.span()) && t.contains("://")) {
                    String host = t.replaceFirst("^[a-zA-Z+]+://", "").replaceFirst("[/:?#].*", "");
                    if (!host.isEmpty() && !out.contains(host)) {
                        out.add(host);
                    }
                }
            }
        }
        return out;
    }

    private static String list(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() > 4) {
            return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Sentences joined; cut to the first ones that fit on a docstring line. */
    private static String sentence(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            String next = out.isEmpty() ? p : out + "; " + Character.toLowerCase(p.charAt(0)) + p.substring(1);
            if (next.length() + 1 > MAX_SUMMARY && !out.isEmpty()) {
                break;
            }
            out.setLength(0);
            out.append(next);
        }
        String text = out.toString().replace("\"", "'").replace("\\", "");
        if (text.length() + 1 > MAX_SUMMARY) {
            text = text.substring(0, MAX_SUMMARY - 4).strip() + "...";
        }
        return text.endsWith(".") || text.endsWith("...") ? text : text + ".";
    }

    private static String shorten(String text, int max) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > max ? one.substring(0, max - 3) + "..." : one;
    }
}
