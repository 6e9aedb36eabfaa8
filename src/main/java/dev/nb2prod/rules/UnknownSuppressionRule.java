package dev.nb2prod.rules;

/** NB002: a suppression comment names a code that is not an nb2prod rule (a typo silences nothing). */
final class UnknownSuppressionRule implements Rule {
    static final String CODE = "NB002";
    private static final RuleInfo INFO = new RuleInfo(CODE, "unknown-suppression-code", Family.META, Severity.WARNING,
        "A suppression comment names a rule code that does not exist.",
        """
        A `# nb2prod: ignore[...]` or `# noqa: ...` comment with a misspelt code silences nothing, and the
        finding it was meant to silence still fails the build, or, worse, a reader believes a problem was
        reviewed when it was not.
        """,
        """
        df = df[df.revenue > 1000]  # nb2prod: ignore[NB2001]
        """,
        """
        df = df[df.revenue > 1000]  # nb2prod: ignore[NB201]
        """,
        "Nothing to extract: fix the code in the comment, or remove the comment.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        // Reported by the Assessor, which owns the suppressions of the notebook.
    }

    static void report(RuleContext context, Suppressions.UnknownCode unknown) {
        context.report(unknown.cellIndex(), new dev.nb2prod.python.ast.Span(unknown.line(), unknown.column() - 1,
            unknown.line(), unknown.column() - 1 + unknown.code().length()),
            "unknown rule code '" + unknown.code() + "' in a suppression comment (see 'nb2prod rules')");
    }
}
