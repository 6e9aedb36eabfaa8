package dev.nb2prod.rules.config;

import dev.nb2prod.rules.Rule;
import java.util.List;

/** The rules of this family. */
public final class ConfigurationRules {
    private ConfigurationRules() {}

    public static List<Rule> all() {
        return List.of(new MagicNumberRule(), new HardCodedPathRule(), new RelativeDataPathRule(), new HardCodedUrlRule());
    }
}
