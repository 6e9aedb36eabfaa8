package dev.nb2prod.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.testing.RuleTester;
import org.junit.jupiter.api.Test;

class GlobalSeedingRuleTest {
    private final GlobalSeedingRule rule = new GlobalSeedingRule();

    @Test
    void reportsGlobalSeedsOfEachLibrary() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "import numpy as np\nimport random\nnp.random.seed(42)\nrandom.seed(42)",
            "import torch\ntorch.manual_seed(0)")))
            .containsExactly(
                "0:3:1 NB605 np.random.seed() seeds a hidden global generator: results depend on every draw made "
                    + "since, in whatever order cells ran; use rng = np.random.default_rng(seed) and pass random_state= explicitly",
                "0:4:1 NB605 random.seed() seeds a hidden global generator: results depend on every draw made since, "
                    + "in whatever order cells ran; use rng = random.Random(seed) and draw from it",
                "1:2:1 NB605 torch.manual_seed() seeds a hidden global generator: results depend on every draw made "
                    + "since, in whatever order cells ran; pass an explicit seed or generator to the operations that draw");
    }

    @Test
    void resolvesImportAliases() {
        assertThat(RuleTester.run(rule, "from numpy.random import seed\nseed(1)")).hasSize(1);
    }

    @Test
    void explicitGeneratorsAreFine() {
        assertThat(RuleTester.run(rule,
            "import numpy as np\nrng = np.random.default_rng(42)\nstate = np.random.RandomState(0)",
            "model = RandomForestClassifier(random_state=42)",
            "rng.seed(3)")).isEmpty();
    }

    @Test
    void payloadsCarryTheLiteralSeed() {
        assertThat(RuleTester.run(rule, "import numpy as np\nnp.random.seed(42)", "import random\nrandom.seed(SEED)",
            "import tensorflow as tf\ntf.random.set_seed(seed=7)", "import torch\ntorch.manual_seed(1_000)"))
            .extracting(Finding::payload)
            .containsExactly(new Payload.Seed("42"), new Payload.Seed(""), new Payload.Seed("7"), new Payload.Seed(""));
    }
}
