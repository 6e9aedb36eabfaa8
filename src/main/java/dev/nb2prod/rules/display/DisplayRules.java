package dev.nb2prod.rules.display;

import dev.nb2prod.rules.Rule;
import java.util.List;

/** The rules of this family. */
public final class DisplayRules {
    private DisplayRules() {}

    public static List<Rule> all() {
        return List.of(new DisplayAsValidationRule(), new PrintForCheckingRule(), new PltShowRule());
    }
}
