package dev.nb2prod.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import org.junit.jupiter.api.Test;

class UnseededRandomnessRuleTest {
    private final UnseededRandomnessRule rule = new UnseededRandomnessRule();

    @Test
    void globalDrawsWithoutSeed() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "import numpy as np\nimport random\nx = np.random.rand(3) + np.random.rand(3)\nrandom.shuffle(items)")))
            .containsExactly(
                "0:3:5 NB604 np.random.rand() draws from numpy's unseeded global generator: results change on every "
                    + "run; use rng = np.random.default_rng(SEED) (1 more in this cell)",
                "0:4:1 NB604 random.shuffle() draws from Python's unseeded global generator: results change on every "
                    + "run; use rng = random.Random(SEED)");
    }

    @Test
    void seedInAnEarlierCellOrHelperCoversLaterDraws() {
        assertThat(RuleTester.run(rule,
            "import numpy as np\nnp.random.seed(0)", "x = np.random.randn(10)\nm = KMeans(3)")).isEmpty();
        assertThat(RuleTester.run(rule,
            "def seed_everything(s):\n    np.random.seed(s)\n    random.seed(s)", "seed_everything(1)",
            "import random\nrandom.choice(xs)")).isEmpty();
    }

    @Test
    void seedAfterTheDrawDoesNotCount() {
        assertThat(RuleTester.run(rule, "import numpy as np\nx = np.random.randn(10)", "np.random.seed(0)")).hasSize(1);
    }

    @Test
    void scikitLearnWithoutRandomState() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "from sklearn.model_selection import train_test_split, KFold\n"
                + "from sklearn.ensemble import RandomForestClassifier\n"
                + "a, b = train_test_split(X, test_size=0.2)\n"
                + "cv = KFold(5, shuffle=True)\n"
                + "m = RandomForestClassifier(n_estimators=10, random_state=None)")))
            .containsExactly(
                "0:3:8 NB604 train_test_split() without a random_state: each run gives a different split; pass random_state=SEED",
                "0:4:6 NB604 KFold() without a random_state: each run gives a different split; pass random_state=SEED",
                "0:5:5 NB604 RandomForestClassifier(random_state=None) without a random_state: each run gives a "
                    + "different model; pass random_state=SEED");
    }

    @Test
    void unseededGeneratorsAndFrameSamples() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "import numpy as np\nrng = np.random.default_rng()\ntrain = df.sample(frac=0.8)")))
            .containsExactly(
                "0:2:7 NB604 np.random.default_rng() creates a generator without a seed: results change on every run; pass a seed",
                "0:3:9 NB604 df.sample(...) without a random_state: each run keeps different rows; pass random_state=SEED");
    }

    @Test
    void lookAlikesAreFine() {
        assertThat(RuleTester.run(rule,
            "import numpy as np\nfrom sklearn.model_selection import train_test_split, KFold\n"
                + "rng = np.random.default_rng(42)\nx = rng.normal(size=3)\n"
                + "a, b = train_test_split(X, random_state=42)\nc, d = train_test_split(X, random_state=SEED)\n"
                + "e, f = train_test_split(X, shuffle=False)\ncv = KFold(5)\n"
                + "m = RandomForestClassifier(**params)\n"
                + "df.sample(5)\n"
                + "from xgboost import XGBClassifier\nx = XGBClassifier()\n"
                + "from pyspark.ml.classification import RandomForestClassifier as SparkRF\n"
                + "from pyspark.ml.classification import RandomForestClassifier\nrf = RandomForestClassifier(seed=1)\n"
                + "lr = LogisticRegression()")).isEmpty();
    }
}
