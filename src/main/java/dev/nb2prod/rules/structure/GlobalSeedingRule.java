package dev.nb2prod.rules.structure;

import dev.nb2prod.graph.RandomCalls;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;

/** NB605: reproducibility that rests on seeding a hidden global generator. */
final class GlobalSeedingRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB605", "global-seeding", Family.STRUCTURE, Severity.INFO,
        "Randomness is made reproducible by seeding a global generator (`np.random.seed`, `random.seed`, "
            + "`torch.manual_seed`, `tf.random.set_seed`).",
        """
        A global seed makes results depend on every draw made since it was set: re-running one cell, adding a
        plot that samples, or importing a library that draws changes all later 'reproducible' numbers. In the
        notebook the seed is set once at the top, but cells run in any order. Explicit generators and
        `random_state` arguments keep each result reproducible on its own.
        """,
        """
        np.random.seed(42)
        sample = np.random.choice(ids, 100)
        """,
        """
        rng = np.random.default_rng(42)
        sample = rng.choice(ids, 100)
        """,
        "`nb2prod extract` moves the seed into the configuration (`random_seed`) and keeps the seeding call, fed "
            + "from it, at the start of the pipeline, so results match the notebook; replacing the global generator "
            + "by an explicit one (which changes the results) is left to you and listed as a TODO.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (Seeds.Seed seed : Seeds.seeds(context, QualifiedNames.of(context.analyzed()))) {
            if (seed.generator() == null) {
                continue;
            }
            String advice = switch (seed.generator()) {
                case NUMPY -> "use rng = np.random.default_rng(seed) and pass random_state= explicitly";
                case PYTHON -> "use rng = random.Random(seed) and draw from it";
                case OTHER -> "pass an explicit seed or generator to the operations that draw";
            };
            context.report(seed.cell(), seed.span(), seed.callee() + "() seeds a hidden global generator: results "
                + "depend on every draw made since, in whatever order cells ran; " + advice,
                new Payload.Seed(literalSeed(seed.call())));
        }
    }

    /** The seed's text when it is a non-negative integer literal (first positional argument or seed=), else empty. */
    static String literalSeed(Expr.Call call) {
        Expr seed = call.keyword("seed");
        if (seed == null) {
            seed = call.args().stream().filter(a -> a.kind() == Arg.Kind.POSITIONAL).map(Arg::value).findFirst()
                .orElse(null);
        }
        return seed instanceof Expr.Num n && n.text().matches("[0-9]+") ? n.text() : "";
    }
}
