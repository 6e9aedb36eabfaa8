package dev.nb2prod.rules.imports;

import dev.nb2prod.python.ast.Alias;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Set;

/**
 * NB302: a module-level import whose name no cell reads. Imports in functions and {@code try} blocks, star and
 * {@code __future__} imports, and modules imported for their side effects ({@code mpl_toolkits.mplot3d}) are not
 * reported. Reads are looked for in every cell, in function bodies, magics and the text of cells that do not parse.
 */
public final class UnusedImportRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB302", "unused-import", Family.IMPORTS, Severity.WARNING,
        "A module or name is imported but never used in the notebook.",
        """
        Unused imports are leftovers of exploration. In production they slow start-up, pull in dependencies the
        job does not need (each one a package to install, pin and patch) and make the real dependencies harder
        to see.
        """,
        """
        import seaborn as sns
        import pandas as pd
        df = pd.read_csv(path)
        """,
        """
        import pandas as pd
        df = pd.read_csv(path)
        """,
        "`nb2prod extract` drops unused imports from the generated module and from the requirements.");

    /** Modules imported for what importing them does (registering a projection, a pandas accessor ...). */
    private static final Set<String> SIDE_EFFECT_MODULES = Set.of(
        "mpl_toolkits.mplot3d", "cufflinks", "hvplot.pandas", "hvplot", "pandas_profiling", "swifter",
        "readline", "plotly.express", "tqdm.auto", "geopandas", "pyarrow", "openpyxl", "xlrd", "fastparquet",
        "pymysql", "psycopg2", "ydata_profiling", "modin.pandas", "janitor", "pandas_flavor", "tensorflow_addons",
        "IPython.core.interactiveshell");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        Set<String> used = null;
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            for (Stmt stmt : cell.module().body()) {
                List<Alias> names;
                String module;
                if (stmt instanceof Stmt.Import i) {
                    names = i.names();
                    module = null;
                } else if (stmt instanceof Stmt.ImportFrom f && !f.star() && !"__future__".equals(f.module())) {
                    names = f.names();
                    module = ".".repeat(f.level()) + (f.module() == null ? "" : f.module());
                } else {
                    continue;
                }
                for (Alias alias : names) {
                    if (sideEffect(module == null ? alias.name() : module + "." + alias.name())) {
                        continue;
                    }
                    if (used == null) {
                        used = UsedNames.of(context);
                    }
                    String bound = alias.boundName(module != null);
                    if (!used.contains(bound)) {
                        String what = module == null
                            ? (alias.asname() == null ? alias.name() : alias.name() + " as " + bound)
                            : (alias.asname() == null ? alias.name() : alias.name() + " as " + bound) + " from " + module;
                        context.report(cell.index(), alias.span().startLine() > 0 ? alias.span() : stmt.span(),
                            "'" + bound + "' is imported (" + what + ") but never used: remove the import");
                    }
                }
            }
        }
    }

    private static boolean sideEffect(String module) {
        return SIDE_EFFECT_MODULES.stream().anyMatch(m -> module.equals(m) || module.startsWith(m + "."));
    }
}
