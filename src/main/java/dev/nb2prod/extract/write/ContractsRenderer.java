package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.data.ColumnProfile;
import dev.nb2prod.extract.data.DataProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code src/<pkg>/contracts.py} and {@code tests/test_contracts.py}: the data contract of each delimited input file,
 * from its profile and the code that reads it. A contract states only what the notebook's own data and code
 * already show, so that tomorrow's good data passes:
 * <ul>
 *   <li>required: the columns the code names;</li>
 *   <li>numeric: named columns whose every value was a number;</li>
 *   <li>not null: named columns with no missing value, unless the code handles missing values anywhere
 *       ({@code dropna}, {@code fillna}, {@code isna}, an imputer, ...);</li>
 *   <li>unique: named identifier columns ({@code id}, {@code *_id}, {@code *key}) that were unique and that the
 *       code joins on ({@code on=}, {@code left_on=}, {@code right_on=}).</li>
 * </ul>
 * Written only when the package uses pandas (the contracts read files with it).
 */
public final class ContractsRenderer {
    private static final Pattern HANDLES_NULLS = Pattern.compile(
        "\\b(dropna|fillna|isna|isnull|notna|notnull|interpolate|Imputer|SimpleImputer|KNNImputer|ffill|bfill)\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("(?i)(id|.*[_ ]id|.*Id|.*ID|.*_?key|.*_?code)");

    private final Map<String, DataFixtures.Fixture> fixtures = new LinkedHashMap<>();
    private final String code;
    private final String pkg;

    public ContractsRenderer(ExtractionPlan plan, List<DataFixtures.Fixture> fixtures) {
        this.pkg = plan.packageName();
        boolean pandas = plan.dependencies().stream().anyMatch(d -> d.importName().equals("pandas"));
        if (pandas) {
            fixtures.stream().filter(f -> f.profile().isPresent()).forEach(f -> this.fixtures.put(f.key().key(), f));
        }
        StringBuilder bodies = new StringBuilder();
        plan.functions().forEach(f -> bodies.append(f.body()).append('\n'));
        plan.helpers().forEach(h -> bodies.append(h.code()).append('\n'));
        this.code = bodies.toString();
    }

    /** contracts.py, when some input file has a contract. */
    public Optional<String> contracts() {
        if (fixtures.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        fixtures.forEach((key, fixture) -> out.append(contract(key, fixture)));
        return Optional.of(Template.load("src/contracts.py.tmpl").render(Map.of("contracts", out.toString())));
    }

    /** test_contracts.py, when contracts.py is written. */
    public Optional<String> tests() {
        if (fixtures.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        fixtures.forEach((key, fixture) -> out.append("    ").append(PyText.quote(key)).append(": ")
            .append(PyText.quote(fixture.fileName())).append(",\n"));
        return Optional.of(Template.load("tests/test_contracts.py.tmpl").render(Map.of(
            "package", pkg, "fixtures", out.toString())));
    }

    private String contract(String key, DataFixtures.Fixture fixture) {
        DataProfile profile = fixture.profile().orElseThrow();
        List<String> numeric = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        List<String> unique = new ArrayList<>();
        boolean handlesNulls = HANDLES_NULLS.matcher(code).find();
        for (String column : fixture.usedColumns()) {
            ColumnProfile p = profile.columns().get(column);
            if (p == null) {
                continue;
            }
            if (p instanceof ColumnProfile.Numeric) {
                numeric.add(column);
            }
            if (p.nullRate() == 0 && !handlesNulls) {
                notNull.add(column);
            }
            if (p.unique() && IDENTIFIER.matcher(column).matches() && joinsOn(column)) {
                unique.add(column);
            }
        }
        List<String> args = new ArrayList<>();
        args.add("file=" + PyText.quote(profile.file()));
        if (profile.delimiter() != ',') {
            args.add("delimiter=" + PyText.quote(String.valueOf(profile.delimiter())));
        }
        if (profile.skipped() > 0) {
            args.add("skiprows=" + profile.skipped());
        }
        addTuple(args, "required", fixture.usedColumns());
        addTuple(args, "numeric", numeric);
        addTuple(args, "not_null", notNull);
        addTuple(args, "unique", unique);
        StringBuilder out = new StringBuilder("    ").append(PyText.quote(key)).append(": FileContract(\n");
        for (String arg : args) {
            out.append(arg.contains("\n") ? arg : "        " + arg + ",\n");
        }
        return out.append("    ),\n").toString();
    }

    private boolean joinsOn(String column) {
        String quoted = "(['\"])" + Pattern.quote(column) + "\\1";
        return Pattern.compile("\\b(on|left_on|right_on)\\s*=\\s*\\[?[^)\\]]*?" + quoted).matcher(code).find();
    }

    private static void addTuple(List<String> args, String name, List<String> columns) {
        if (columns.isEmpty()) {
            return;
        }
        String oneLine = "        " + name + "=(" + String.join(", ", columns.stream().map(PyText::quote).toList())
            + (columns.size() == 1 ? ",)" : ")") + ",";
        if (oneLine.length() <= PyText.MAX_LINE) {
            args.add(oneLine.strip().replaceAll(",$", ""));
            return;
        }
        StringBuilder out = new StringBuilder("        ").append(name).append("=(\n");
        columns.forEach(c -> out.append("            ").append(PyText.quote(c)).append(",\n"));
        args.add(out.append("        ),\n").toString());
    }
}
