package dev.nb2prod.rules.imports;

import dev.nb2prod.rules.Rule;
import java.util.List;

/** The rules of this family. */
public final class ImportRules {
    private ImportRules() {}

    public static List<Rule> all() {
        return List.of(new ImportNotAtTopRule(), new UnusedImportRule(), new StarImportRule(), new PipInstallRule());
    }
}
