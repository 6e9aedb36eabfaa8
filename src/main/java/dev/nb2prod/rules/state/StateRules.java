package dev.nb2prod.rules.state;

import dev.nb2prod.rules.Rule;
import java.util.List;

/** The rules of this family. */
public final class StateRules {
    private StateRules() {}

    public static List<Rule> all() {
        return List.of(new GlobalMutableStateRule(), new HiddenDependencyRule(), new OutOfOrderExecutionRule(),
            new NeverExecutedRule(), new ReExecutionHazardRule(), new FunctionUsesGlobalsRule(),
            new ImplicitGlobalSettingRule(), new UndefinedNameRule());
    }
}
