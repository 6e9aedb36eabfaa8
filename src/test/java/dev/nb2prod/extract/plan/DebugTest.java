package dev.nb2prod.extract.plan;

import org.junit.jupiter.api.Test;

class DebugTest {
    @Test
    void debug() throws Exception {
        var plan = Plans.plan("from sklearn.datasets import load_iris\niris = load_iris()",
            "X_iris = iris.drop('species', axis=1)\nX_iris.shape",
            "import seaborn; seaborn.set() # Plot styling\nX_iris.to_csv('x.csv')");
        plan.functions().forEach(f -> System.out.println(f.name() + ":\n" + f.body()));
    }
}
