package dev.nb2prod.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.Goldens;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the rule metadata; this fails when it is stale (the message says how to fix it). */
class RulesDocTest {
    @Test
    void docsRulesMdIsUpToDate() {
        List<RuleInfo> rules = Rules.all().stream().map(Rule::info).toList();
        String markdown = RulesMarkdown.document(rules);
        for (RuleInfo rule : rules) {
            assertThat(markdown).contains("### " + rule.code() + " " + rule.name());
        }
        Goldens.check(Path.of("docs/rules.md"), markdown);
    }
}
