package dev.nb2prod.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule of nb2prod, sorted by code. Each family lists its own rules. */
public final class Rules {
    private Rules() {}

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new SyntaxErrorRule());
        rules.add(new UnknownSuppressionRule());
        rules.addAll(dev.nb2prod.rules.state.StateRules.all());
        rules.addAll(dev.nb2prod.rules.config.ConfigurationRules.all());
        rules.addAll(dev.nb2prod.rules.imports.ImportRules.all());
        rules.addAll(dev.nb2prod.rules.credentials.CredentialRules.all());
        rules.addAll(dev.nb2prod.rules.display.DisplayRules.all());
        rules.addAll(dev.nb2prod.rules.structure.StructureRules.all());
        rules.sort(Comparator.comparing(r -> r.info().code()));
        return List.copyOf(rules);
    }
}
