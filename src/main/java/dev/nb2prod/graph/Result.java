package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Span;

/**
 * Something a notebook produces for its reader or the world: what a production package must return or write. The
 * essential cells of the cell graph are those these results depend on.
 */
public sealed interface Result {
    /** The 0-based index of the cell that produces it. */
    int cell();

    /** Where in the cell: the displayed expression, the assignment, the fit, the call that writes or draws. */
    Span span();

    /** A short description for reports, e.g. {@code lr_auc (displayed)}. */
    String describe();

    /**
     * The value of the last expression of a cell, which Jupyter displays (an {@code execute_result}) and which is
     * not a peek at data ({@code df.head()}, {@code df.shape}, {@code x[:5]}) or a drawing call.
     *
     * @param expression the source text of the expression, on one line
     * @param variable the name when the expression is a plain name ({@code lr_auc}), else empty
     */
    record Displayed(int cell, Span span, String expression, String variable) implements Result {
        @Override
        public String describe() {
            return (variable.isEmpty() ? shorten(expression) : variable) + " (displayed)";
        }
    }

    /**
     * The figures a cell draws: its saved outputs hold images, or (never run) it calls drawing functions.
     *
     * @param title the title the code gives the figure ({@code plt.title('...')}, {@code ax.set_title('...')}), or
     *     empty
     * @param images how many images the saved outputs hold (0 when the cell was never run)
     */
    record Figure(int cell, Span span, String title, int images) implements Result {
        @Override
        public String describe() {
            return (title.isEmpty() ? "a figure" : "figure '" + shorten(title) + "'") + " (drawn)";
        }
    }

    /**
     * A model fitted by the cell and not fitted again later: {@code rf.fit(X, y)} after
     * {@code rf = RandomForestClassifier(...)}.
     *
     * @param variable the name of the model
     * @param estimator the class it was built with, e.g. {@code RandomForestClassifier}
     */
    record Model(int cell, Span span, String variable, String estimator) implements Result {
        @Override
        public String describe() {
            return variable + " (fitted " + estimator + ")";
        }
    }

    /**
     * A metric the cell computes into a name: {@code acc = accuracy_score(y_test, pred)}.
     *
     * @param variable the name it is assigned to
     * @param function the function that computes it, e.g. {@code accuracy_score}
     */
    record Metric(int cell, Span span, String variable, String function) implements Result {
        @Override
        public String describe() {
            return variable + " (" + function + ")";
        }
    }

    /** Data the cell writes to the world: a file, a table, an HTTP request. */
    record Written(int cell, Span span, IoAccess access) implements Result {
        @Override
        public String describe() {
            return (access.target().isEmpty() ? access.call() + "()" : shorten(access.target())) + " (written)";
        }
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }
}
