package dev.nb2prod.rules.structure;

import dev.nb2prod.rules.Rule;
import java.util.List;

/** The rules of this family. */
public final class StructureRules {
    private StructureRules() {}

    public static List<Rule> all() {
        return List.of(new MegaCellRule(), new SwallowedErrorRule(), new SilentNanRule(), new UnseededRandomnessRule(),
            new GlobalSeedingRule());
    }
}
