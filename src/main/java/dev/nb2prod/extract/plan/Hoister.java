package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.RandomCalls;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.DictItem;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.rules.Secrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * Decides which literals of the kept cells move to configuration or to the environment: magic numbers, paths and
 * URLs the rules found, upper-case constants, secrets and the global seed, with their keys and parameter names.
 */
public final class Hoister {
    private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** How a function body reads a configuration value: an attribute of its stage's settings object. */
    public static final String SETTINGS = "params.";

    /** Everything decided, per cell and for the plan. */
    public static final class Result {
        public final List<ConfigKey> config = new ArrayList<>();
        public final List<SecretVariable> secrets = new ArrayList<>();
        /** config key → the expression a body reads it with ({@code params.<key>}) */
        public final Map<String, String> parameterOf = new LinkedHashMap<>();
        public final Map<String, String> typeOf = new HashMap<>();
        public final Map<Integer, Map<Span, String>> literals = new TreeMap<>();
        public final Map<Integer, Set<Span>> deleted = new TreeMap<>();
        public final Map<Integer, Set<Span>> randomState = new TreeMap<>();
        public final Map<String, String> renames = new TreeMap<>();
        public final Set<String> secretNames = new TreeSet<>();
        public final List<String> secretValues = new ArrayList<>();
        public final List<String> notes = new ArrayList<>();
        public String seedParameter = SETTINGS + "random_seed";

        /** The parameter names of config keys (what a body may read). */
        public Map<String, String> configOfParameter() {
            Map<String, String> out = new LinkedHashMap<>();
            parameterOf.forEach((k, p) -> out.putIfAbsent(p, k));
            return out;
        }
    }

    private final AnalyzedNotebook analyzed;
    private final CellGraph graph;
    private final SortedSet<Integer> kept;
    private final QualifiedNames qualified;
    private final Result result = new Result();
    private final Set<String> taken = new HashSet<>();
    private final Map<String, ConfigKey> bySignature = new HashMap<>();
    private final Set<String> inputTargets = new HashSet<>();
    private final Set<String> outputTargets = new HashSet<>();
    /** Output paths moved to config (relative, as written), whose parent folders output_path creates. */
    private final Set<String> hoistedOutputs = new HashSet<>();
    /** True when the notebook seeds numpy's global generator (so unseeded estimators draw from it). */
    private boolean numpySeeded;

    public Hoister(AnalyzedNotebook analyzed, CellGraph graph, SortedSet<Integer> kept) {
        this.analyzed = analyzed;
        this.graph = graph;
        this.kept = kept;
        this.qualified = QualifiedNames.of(analyzed);
        for (CellNames n : analyzed.cellNames().values()) {
            taken.addAll(n.defines());
            taken.addAll(n.uses());
        }
        taken.addAll(Identifiers.KEYWORDS);
        taken.addAll(Identifiers.BUILTINS);
        graph.inputs().forEach(a -> inputTargets.add(a.target()));
        graph.outputs().forEach(a -> {
            outputTargets.add(a.target());
            // np.save('arr') writes arr.npy, np.savez('arr') arr.npz: a later read names the file with its extension
            String last = a.call().substring(a.call().lastIndexOf('.') + 1);
            if (!a.target().isEmpty() && !a.target().contains(".")) {
                if (last.equals("save")) {
                    outputTargets.add(a.target() + ".npy");
                } else if (last.startsWith("savez")) {
                    outputTargets.add(a.target() + ".npz");
                }
            }
        });
    }

    public Result run(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparingInt(Finding::cellIndex).thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column));
        for (Finding f : sorted) {
            if (!kept.contains(f.cellIndex()) || !(f.where() instanceof Finding.Where.Source)) {
                continue;
            }
            Module module = module(f.cellIndex());
            if (module == null) {
                continue;
            }
            switch (f.code()) {
                case "NB401" -> secret(f, module);
                case "NB201" -> number(f, module);
                case "NB202", "NB203", "NB204" -> text(f, module);
                case "NB605" -> seed(f, module);
                default -> { }
            }
        }
        upperCaseConstants();
        randomState(findings);
        outputFolders();
        return result;
    }

    private Module module(int cell) {
        return analyzed.parsed(cell) instanceof ParsedCell.Parsed p ? p.module() : null;
    }

    // ---------------------------------------------------------------- locating literals

    private static Expr literalAt(Module module, int line, int column) {
        Expr[] best = {null};
        AstWalker.walk(module, n -> {
            if (n instanceof Expr.UnaryOp u && u.op().equals("-") && u.operand() instanceof Expr.Num
                && u.span().startLine() == line && u.span().startCol() == column) {
                best[0] = u;
            } else if (n instanceof Expr.Constant c && c.span().startLine() == line && c.span().startCol() == column
                && best[0] == null) {
                best[0] = c;
            }
        });
        if (best[0] != null) {
            return best[0];
        }
        // a secret found inside a longer string: the string that contains the position
        AstWalker.walk(module, n -> {
            if ((n instanceof Expr.Str || n instanceof Expr.FString) && contains(((Expr) n).span(), line, column)) {
                best[0] = (Expr) n;
            }
        });
        return best[0];
    }

    private static boolean contains(Span s, int line, int col) {
        boolean afterStart = line > s.startLine() || (line == s.startLine() && col >= s.startCol());
        boolean beforeEnd = line < s.endLine() || (line == s.endLine() && col < s.endCol());
        return afterStart && beforeEnd;
    }

    /** The statement {@code NAME = literal} at the top of the cell whose whole value is the literal, if any. */
    private Optional<Stmt.Assign> namedConstant(int cell, Module module, Expr literal) {
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n
                && a.value().span().equals(literal.span()) && boundOnce(cell, n.id())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** True when no other cell binds the name and this cell binds it exactly once. */
    private boolean boundOnce(int cell, String name) {
        for (var e : analyzed.cellNames().entrySet()) {
            if (e.getKey() != cell && (e.getValue().defines().contains(name) || e.getValue().mutates().contains(name))) {
                return false;
            }
        }
        if (analyzed.names(cell).mutates().contains(name)) {
            return false;
        }
        int[] count = {0};
        Module module = module(cell);
        AstWalker.walk(module, n -> {
            switch (n) {
                case Stmt.Assign a -> a.targets().forEach(t -> AstWalker.walk(t, x -> {
                    if (x instanceof Expr.Name nm && nm.id().equals(name)) {
                        count[0]++;
                    }
                }));
                case Stmt.AugAssign a when a.target() instanceof Expr.Name nm && nm.id().equals(name) -> count[0]++;
                case Stmt.For f -> AstWalker.walk(f.target(), x -> {
                    if (x instanceof Expr.Name nm && nm.id().equals(name)) {
                        count[0]++;
                    }
                });
                case Stmt.FunctionDef f when f.name().equals(name) -> count[0]++;
                case Expr.Lambda l -> count[0] += 0;
                default -> { }
            }
        });
        return count[0] == 1;
    }

    // ---------------------------------------------------------------- secrets

    private void secret(Finding f, Module module) {
        Expr literal = literalAt(module, f.line(), f.column() - 1);
        if (!(literal instanceof Expr.Str str) || already(f.cellIndex(), literal)) {
            return;
        }
        String kind = f.payload() instanceof Payload.SecretValue v ? v.kind() : "secret";
        result.secretValues.add(str.value());
        Optional<Stmt.Assign> named = namedConstant(f.cellIndex(), module, literal);
        String origin = "cell " + (f.cellIndex() + 1) + ", line " + f.line();
        if (named.isPresent()) {
            String name = ((Expr.Name) named.get().targets().get(0)).id();
            String variable = envName(name);
            result.deleted.computeIfAbsent(f.cellIndex(), k -> new HashSet<>()).add(named.get().span());
            result.renames.put(name, "os.environ[\"" + variable + "\"]");
            result.secretNames.add(name);
            result.secrets.add(new SecretVariable(variable, kind, origin));
            return;
        }
        String variable = envName(contextName(module, literal).orElse("API_KEY"));
        literals(f.cellIndex()).put(literal.span(), "os.environ[\"" + variable + "\"]");
        result.secrets.add(new SecretVariable(variable, kind, origin));
    }

    private String envName(String name) {
        String base = Identifiers.sanitize(String.join("_", Identifiers.words(name)), "secret").toUpperCase(Locale.ROOT)
            .replaceAll("_+$", "");
        String candidate = base;
        Set<String> used = new HashSet<>();
        result.secrets.forEach(s -> used.add(s.variable()));
        for (int i = 2; used.contains(candidate); i++) {
            candidate = base + "_" + i;
        }
        return candidate;
    }

    /** The name a literal is given by its context: a dict key, a keyword, an assignment target. */
    private static Optional<String> contextName(Module module, Expr literal) {
        String[] name = {null};
        AstWalker.walk(module, n -> {
            switch (n) {
                case DictItem d when d.value() != null && d.value().span().equals(literal.span())
                    && d.key() instanceof Expr.Str k -> name[0] = k.value();
                case Arg a when a.kind() == Arg.Kind.KEYWORD && a.value().span().equals(literal.span()) ->
                    name[0] = a.keyword();
                case Stmt.Assign a when a.value().span().equals(literal.span()) && a.targets().size() == 1 ->
                    name[0] = switch (a.targets().get(0)) {
                        case Expr.Name nm -> nm.id();
                        case Expr.Attribute at -> at.attr();
                        case Expr.Subscript s when s.slice() instanceof Expr.Str k -> k.value();
                        default -> null;
                    };
                default -> { }
            }
        });
        return Optional.ofNullable(name[0]).filter(s -> !Identifiers.words(s).isEmpty());
    }

    private Map<Span, String> literals(int cell) {
        return result.literals.computeIfAbsent(cell, k -> new HashMap<>());
    }

    private boolean already(int cell, Expr literal) {
        return result.literals.getOrDefault(cell, Map.of()).containsKey(literal.span())
            || result.deleted.getOrDefault(cell, Set.of()).stream().anyMatch(s -> Span.cover(s, literal.span()).equals(s));
    }

    // ---------------------------------------------------------------- numbers

    /**
     * The prefix of the keys of an estimator's keyword arguments: the variable it is assigned to ({@code rf} for
     * {@code rf = RandomForestClassifier(...)}), else its class in snake case without Classifier/Regressor.
     */
    private static String estimatorPrefix(Module module, Expr.Call call, String cls) {
        for (Stmt s : AstWalker.find(module, Stmt.Assign.class)) {
            if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
                Expr value = a.value();
                if (value instanceof Expr.Call fit && Dotted.lastPart(fit.func()).equals("fit")
                    && fit.func() instanceof Expr.Attribute at) {
                    value = at.value();
                }
                if (value.span().equals(call.span()) && !n.id().startsWith("_")) {
                    return n.id();
                }
            }
        }
        String snake = String.join("_", Identifiers.words(cls)).replaceAll("_(classifier|regressor)$", "");
        return Identifiers.sanitize(snake, "model");
    }

    private static Optional<Expr.Call> enclosingEstimator(Module module, Expr literal) {
        Expr.Call[] found = {null};
        AstWalker.walk(module, n -> {
            if (n instanceof Expr.Call call) {
                for (Arg a : call.args()) {
                    if (a.kind() == Arg.Kind.KEYWORD && a.value().span().equals(literal.span())) {
                        String last = Dotted.lastPart(call.func());
                        if (!last.isEmpty() && Character.isUpperCase(last.charAt(0))
                            && !last.equals(last.toUpperCase(Locale.ROOT))) {
                            found[0] = call;
                        }
                    }
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    private void number(Finding f, Module module) {
        Expr literal = literalAt(module, f.line(), f.column() - 1);
        if (literal == null || !(literal instanceof Expr.Num || literal instanceof Expr.UnaryOp)
            || already(f.cellIndex(), literal)) {
            return;
        }
        String text = literalText(literal);
        String type = text.matches("-?[0-9_]+") ? "int" : "float";
        if (!text.matches("-?[0-9_]*\\.?[0-9_]*([eE][-+]?[0-9]+)?")) {
            return; // hex, complex, long: leave them alone
        }
        Payload.Setting setting = f.payload() instanceof Payload.Setting s ? s : new Payload.Setting("threshold", "");
        String key;
        if (!setting.keyword().isEmpty()) {
            String keyword = setting.keyword().toLowerCase(Locale.ROOT);
            Optional<Expr.Call> estimator = enclosingEstimator(module, literal);
            key = estimator.map(call -> estimatorPrefix(module, call, Dotted.lastPart(call.func())) + "_" + keyword)
                .orElse(keyword);
        } else {
            key = setting.suggestedKey().toLowerCase(Locale.ROOT).replace('.', '_');
        }
        String parameter = key;
        String comment = "cell " + (f.cellIndex() + 1) + ", line " + f.line() + ": "
            + shorten(new SourceMap(analyzed.notebook().cells().get(f.cellIndex()).source().text()).line(f.line()));
        ConfigKey configKey = key(key, parameter, yamlNumber(text), type, comment, PathRole.NONE, "number");
        Optional<Stmt.Assign> named = namedConstant(f.cellIndex(), module, literal);
        if (named.isPresent()) {
            hoistNamed(f.cellIndex(), named.get(), configKey);
        } else {
            literals(f.cellIndex()).put(literal.span(), result.parameterOf.get(configKey.key()));
        }
    }

    private static String literalText(Expr literal) {
        return switch (literal) {
            case Expr.Num n -> n.text();
            case Expr.UnaryOp u when u.operand() instanceof Expr.Num n -> "-" + n.text();
            default -> "";
        };
    }

    private static String yamlNumber(String text) {
        String t = text.replace("_", "");
        if (t.startsWith(".")) {
            t = "0" + t;
        } else if (t.startsWith("-.")) {
            t = "-0" + t.substring(1);
        }
        if (t.endsWith(".")) {
            t = t + "0";
        }
        if (t.matches("-?[0-9]+[eE][-+]?[0-9]+")) {
            t = t.replaceFirst("[eE]", ".0e");
        }
        return t;
    }

    /**
     * Registers a key for one literal site (only the seed is shared: one key however many seeding calls): equal
     * values at unrelated sites are separate keys, so that changing one never changes the other. The key is an
     * identifier, unique in the notebook; bodies read it as {@code params.<key>}.
     */
    private ConfigKey key(String rawKey, String parameter, String yaml, String type, String comment, PathRole path,
                          String signature) {
        ConfigKey existing = signature.startsWith("seed") ? bySignature.get(signature) : null;
        if (existing != null) {
            return existing;
        }
        // a key is an attribute of the settings object: an ASCII identifier, not a keyword (café, class, 300 letters)
        String key = Identifiers.sanitize(rawKey.replace('.', '_'), "value");
        String k = key;
        Set<String> keys = new HashSet<>();
        result.config.forEach(c -> keys.add(c.key()));
        keys.addAll(RESERVED_KEYS);
        for (int i = 2; keys.contains(k); i++) {
            k = key + "_" + i;
        }
        ConfigKey c = new ConfigKey(k, yaml, type, scrub(comment), path);
        result.config.add(c);
        result.parameterOf.put(k, SETTINGS + k);
        result.typeOf.put(k, type);
        bySignature.put(signature, c);
        return c;
    }

    /** Keys config.yaml uses for its own settings. */
    private static final Set<String> RESERVED_KEYS = Set.of("data_root", "output_root", "figures_dir", "models_dir");

    private void hoistNamed(int cell, Stmt.Assign assign, ConfigKey configKey) {
        String name = ((Expr.Name) assign.targets().get(0)).id();
        result.deleted.computeIfAbsent(cell, k -> new HashSet<>()).add(assign.span());
        result.renames.put(name, result.parameterOf.get(configKey.key()));
    }

    // ---------------------------------------------------------------- paths and URLs

    private void text(Finding f, Module module) {
        Expr literal = literalAt(module, f.line(), f.column() - 1);
        if (!(literal instanceof Expr.Str str) || already(f.cellIndex(), literal) || !str.prefix().isEmpty()
            || str.value().contains("\\") || str.value().contains("\"") || str.value().contains("\n")) {
            return;
        }
        String value = str.value();
        if (f.code().equals("NB204") && value.matches("(?s)[a-zA-Z+]+://[^/@\\s]*:[^/@\\s]*@.*")
            || !Secrets.find(value).isEmpty()) {
            return; // a connection string with a password, a URL with a token: the secret rules', not config.yaml
        }
        Optional<Stmt.Assign> named = namedConstant(f.cellIndex(), module, literal);
        String contextual = named.map(a -> ((Expr.Name) a.targets().get(0)).id())
            .or(() -> contextName(module, literal)).orElse("");
        String comment = "cell " + (f.cellIndex() + 1) + ", line " + f.line() + ": was " + shorten(value);
        ConfigKey configKey;
        if (f.code().equals("NB204")) {
            String base = contextual.isEmpty() ? hostName(value) + "_url" : contextual;
            String k = Identifiers.sanitize(String.join("_", Identifiers.words(base)), "url");
            configKey = key(k, k, yamlString(value), "str", comment, PathRole.NONE, "url:" + value);
        } else {
            Payload.PathValue path = f.payload() instanceof Payload.PathValue p ? p : null;
            boolean absolute = path != null ? path.kind() != Payload.PathKind.RELATIVE
                && path.kind() != Payload.PathKind.CLOUD
                : value.startsWith("/") || value.matches("[A-Za-z]:[/\\\\].*") || value.startsWith("~");
            String fileName = value.replaceAll("[/\\\\]+$", "");
            fileName = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
            boolean directory = value.endsWith("/") || !fileName.contains(".");
            PathRole role = path != null && path.role() == Payload.PathRole.OUTPUT || outputTargets.contains(value)
                ? PathRole.OUTPUT
                : absolute || path != null && path.role() == Payload.PathRole.INPUT || inputTargets.contains(value)
                    ? PathRole.INPUT : PathRole.NONE;
            if (role == PathRole.OUTPUT && !absolute && !(path != null && path.role() == Payload.PathRole.OUTPUT)
                && !writtenFromConfiguration(value)) {
                return; // a file the notebook wrote where it stands, then reads: both stay relative to the run folder
            }
            String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
            String base = contextual.isEmpty() ? stem + (directory ? "_dir" : "_path") : contextual;
            String k = Identifiers.sanitize(String.join("_", Identifiers.words(base)), "data_path");
            if (absolute) {
                // an absolute path of the author's machine: the file (or folder) is expected under data/ of the
                // data root (an output under output_root)
                String relative = directory ? "data" : "data/" + fileName;
                configKey = key(k, k, yamlString(relative), "str", comment, role, "path:" + relative);
                result.notes.add("cell " + (f.cellIndex() + 1) + ": the absolute path " + shorten(scrub(value))
                    + " became " + k + " = " + relative + " (relative to " + (role == PathRole.OUTPUT ? "output_root"
                    : "data_root") + "): put the file there or set the key");
            } else if (role != PathRole.NONE) {
                configKey = key(k, k, yamlString(value), "str", comment, role, "path:" + value);
                if (role == PathRole.OUTPUT) {
                    hoistedOutputs.add(value);
                }
            } else {
                configKey = key(k, k, yamlString(value), "str", comment, PathRole.NONE, "text:" + value);
            }
        }
        if (named.isPresent()) {
            hoistNamed(f.cellIndex(), named.get(), configKey);
        } else {
            literals(f.cellIndex()).put(literal.span(), result.parameterOf.get(configKey.key()));
        }
    }

    /** True when the file at {@code value} is written through a key of config.yaml (np.save adds .npy). */
    private boolean writtenFromConfiguration(String value) {
        String withoutExtension = value.replaceAll("\\.(npy|npz)$", "");
        return hoistedOutputs.contains(value) || hoistedOutputs.contains(withoutExtension);
    }

    private static String hostName(String url) {
        String host = url.replaceFirst("^[a-zA-Z+]+://", "").replaceFirst("[/:?#].*$", "");
        List<String> parts = new ArrayList<>(List.of(host.split("\\.")));
        parts.removeIf(p -> p.equals("www") || p.equals("api"));
        if (parts.size() > 1) {
            parts.remove(parts.size() - 1);
        }
        String joined = parts.isEmpty() ? "service" : parts.get(parts.size() - 1);
        return joined.matches("[0-9]+") || joined.isEmpty() ? "service" : joined;
    }

    static String yamlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---------------------------------------------------------------- upper-case constants

    private void upperCaseConstants() {
        for (int cell : kept) {
            Module module = module(cell);
            if (module == null) {
                continue;
            }
            for (Stmt s : module.body()) {
                if (!(s instanceof Stmt.Assign a) || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n)
                    || !UPPER.matcher(n.id()).matches() || n.id().length() < 2 || already(cell, a.value())
                    || result.deleted.getOrDefault(cell, Set.of()).contains(a.span()) || !boundOnce(cell, n.id())) {
                    continue;
                }
                String yaml;
                String type;
                switch (a.value()) {
                    case Expr.BoolLit b -> {
                        yaml = String.valueOf(b.value());
                        type = "bool";
                    }
                    case Expr.Num num when literalText(num).matches("[0-9_]*\\.?[0-9_]*([eE][-+]?[0-9]+)?") -> {
                        yaml = yamlNumber(num.text());
                        type = num.text().matches("[0-9_]+") ? "int" : "float";
                    }
                    case Expr.UnaryOp u when u.operand() instanceof Expr.Num num && u.op().equals("-")
                        && num.text().matches("[0-9_]*\\.?[0-9_]*") -> {
                        yaml = yamlNumber("-" + num.text());
                        type = num.text().matches("[0-9_]+") ? "int" : "float";
                    }
                    case Expr.Str str when str.prefix().isEmpty() && !str.value().contains("\\")
                        && !str.value().contains("\"") && !str.value().contains("\n") -> {
                        yaml = yamlString(str.value());
                        type = "str";
                    }
                    default -> {
                        continue;
                    }
                }
                String k = n.id().toLowerCase(Locale.ROOT);
                String comment = "cell " + (cell + 1) + ", line " + a.span().startLine() + ": " + n.id();
                ConfigKey c = key(k, k, yaml, type, comment, PathRole.NONE, "const:" + n.id());
                hoistNamed(cell, a, c);
            }
        }
    }

    // ---------------------------------------------------------------- seeds

    private void seed(Finding f, Module module) {
        if (!(f.payload() instanceof Payload.Seed seed) || seed.value().isEmpty()) {
            return;
        }
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call call
                && s.span().startLine() == f.line() && seedLiteral(call) instanceof Expr.Num num
                && num.text().equals(seed.value())) {
                // one key per seed value: a notebook that seeds again with another value keeps both
                ConfigKey first = bySignature.get("seed");
                boolean another = first != null && !first.yamlValue().equals(num.text());
                ConfigKey c = key("random_seed", "random_seed", num.text(), "int",
                    "cell " + (f.cellIndex() + 1) + ", line " + f.line() + ": " + shorten(new SourceMap(
                        analyzed.notebook().cells().get(f.cellIndex()).source().text()).slice(s.span())),
                    PathRole.NONE, another ? "seed:" + num.text() : "seed");
                String parameter = result.parameterOf.get(c.key());
                if (!another) {
                    result.seedParameter = parameter;
                }
                boolean numpy = qualified.qualify(call.func()).orElse("").equals("numpy.random.seed");
                numpySeeded |= numpy;
                if (numpy || globalDrawsAfter(f.cellIndex())) {
                    // Faithful: unseeded estimators and splits, and numpy's own functions, draw from the global
                    // generator in the order the notebook calls them; seeding it once at the same point keeps the
                    // notebook's results, where random_state=<seed> on each call would change them.
                    literals(f.cellIndex()).put(num.span(), parameter);
                    result.notes.add("cell " + (f.cellIndex() + 1) + ": the global seed is kept (from config key "
                        + c.key() + ") so the results match the notebook's; to make each step reproducible on its "
                        + "own, pass random_state=random_seed or a np.random.default_rng(random_seed) generator "
                        + "(this changes the results)");
                } else {
                    result.deleted.computeIfAbsent(f.cellIndex(), k -> new HashSet<>()).add(s.span());
                }
                return;
            }
        }
    }

    /** The seed a seeding call passes: its first positional argument, or {@code seed=}. */
    private static Expr seedLiteral(Expr.Call call) {
        for (Arg a : call.args()) {
            if (a.kind() == Arg.Kind.POSITIONAL) {
                return a.value();
            }
        }
        return call.keyword("seed");
    }

    private boolean globalDrawsAfter(int seedCell) {
        for (int cell : kept) {
            Module module = module(cell);
            if (module == null || cell < seedCell) {
                continue;
            }
            for (Expr.Call call : AstWalker.find(module, Expr.Call.class)) {
                String q = qualified.qualify(call.func()).orElse("");
                if (q.startsWith("numpy.random.") && !q.equals("numpy.random.seed") && !q.endsWith("default_rng")
                    && !q.endsWith("RandomState")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void randomState(List<Finding> findings) {
        boolean seeded = result.parameterOf.containsKey("random_seed");
        Map<Integer, Set<Span>> calls = new TreeMap<>();
        for (int cell : kept) {
            Module module = module(cell);
            if (module == null) {
                continue;
            }
            for (Expr.Call call : AstWalker.find(module, Expr.Call.class)) {
                String last = Dotted.lastPart(call.func());
                boolean randomised = RandomCalls.isRandomised(call);
                String q = qualified.qualify(call.func()).orElse("");
                boolean library = q.equals(last) || q.startsWith("sklearn.") || q.startsWith("imblearn.");
                boolean lacks = !RandomCalls.hasRandomState(call);
                if (randomised && library && lacks && !insideFunction(module, call)) {
                    calls.computeIfAbsent(cell, k -> new HashSet<>()).add(call.span());
                }
            }
        }
        if (calls.isEmpty()) {
            return;
        }
        boolean reported = findings.stream().anyMatch(f -> f.code().equals("NB604") && kept.contains(f.cellIndex()));
        if (numpySeeded || (!seeded && !reported)) {
            // with numpy's global generator seeded, the calls already draw reproducibly from it (see seed)
            return;
        }
        if (!seeded) {
            ConfigKey c = key("random_seed", "random_seed", "42", "int",
                "the notebook did not seed its estimators and splits: 42 was chosen by nb2prod", PathRole.NONE, "seed");
            result.seedParameter = result.parameterOf.get(c.key());
        }
        result.randomState.putAll(calls);
    }

    /**
     * Drops the top-level {@code os.makedirs('reports', ...)} / {@code os.mkdir} statements that only create the
     * folder of hoisted output files: the generated {@code output_path} creates them under output_root. Kept when
     * another, not hoisted, literal path still writes into that folder.
     */
    private void outputFolders() {
        if (hoistedOutputs.isEmpty()) {
            return;
        }
        Set<String> others = new HashSet<>();
        for (int cell : kept) {
            Module module = module(cell);
            if (module != null) {
                AstWalker.walk(module, n -> {
                    if (n instanceof Expr.Str str && !already(cell, str) && !hoistedOutputs.contains(str.value())) {
                        others.add(str.value());
                    }
                });
            }
        }
        for (int cell : kept) {
            Module module = module(cell);
            if (module == null) {
                continue;
            }
            for (Stmt s : module.body()) {
                if (!(s instanceof Stmt.ExprStmt e) || !(e.value() instanceof Expr.Call call) || call.args().isEmpty()
                    || !(call.args().get(0).value() instanceof Expr.Str folder) || !folder.prefix().isEmpty()) {
                    continue;
                }
                String q = qualified.qualify(call.func()).orElse("");
                String dir = folder.value().replaceAll("/+$", "");
                if (!(q.equals("os.makedirs") || q.equals("os.mkdir")) || dir.isEmpty() || dir.startsWith("/")
                    || already(cell, folder)) {
                    continue;
                }
                boolean holdsOutput = hoistedOutputs.stream().anyMatch(o -> o.startsWith(dir + "/"));
                boolean holdsOther = others.stream().anyMatch(o -> o.startsWith(dir + "/"));
                if (holdsOutput && !holdsOther) {
                    result.deleted.computeIfAbsent(cell, k -> new HashSet<>()).add(s.span());
                }
            }
        }
    }

    private static boolean insideFunction(Module module, Expr.Call call) {
        for (Stmt.FunctionDef def : AstWalker.find(module, Stmt.FunctionDef.class)) {
            if (Span.cover(def.span(), call.span()).equals(def.span())) {
                return true;
            }
        }
        for (Expr.Lambda l : AstWalker.find(module, Expr.Lambda.class)) {
            if (Span.cover(l.span(), call.span()).equals(l.span())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- helpers

    private String scrub(String text) {
        String out = text;
        for (String secret : result.secretValues) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "<secret>");
            }
        }
        return out;
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 70 ? one.substring(0, 67) + "..." : one;
    }

}
