package dev.nb2prod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.Cli;
import org.junit.jupiter.api.Test;

class RulesCommandTest {
    @Test
    void listsEveryRule() {
        Cli result = Cli.run("rules");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(Rules.all().size() + 1).first().asString().startsWith("CODE");
        assertThat(result.out()).contains("NB001  syntax-error").contains("error").contains("A code cell is not valid Python");
    }

    @Test
    void documentsOneRuleByCodeOrName() {
        Cli result = Cli.run("rules", "nb001");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("# NB001 syntax-error\n").contains("## Why it matters").contains("```python")
            .contains("## How to fix");
        assertThat(Cli.run("rules", "syntax-error").out()).isEqualTo(result.out());
    }

    @Test
    void unknownRuleExitsWith2() {
        Cli result = Cli.run("rules", "NB999");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("nb2prod: unknown rule 'NB999'; run 'nb2prod rules' for the list\n");
    }
}
