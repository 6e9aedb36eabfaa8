package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.Stage;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import java.util.EnumSet;
import java.util.List;

/**
 * One top-level statement of a kept cell (or a few sharing a line), with the comments above it, rewritten for the
 * package: the grain at which the planner decides stages and cuts functions.
 *
 * @param cell the 0-based cell index
 * @param ordinal its position among the units of the cell
 * @param statements the statements of the original cell (their spans point into the notebook)
 * @param text the rewritten code
 * @param code {@code text} parsed
 * @param names what {@code text} defines, reads and mutates
 * @param kind what it does
 * @param signals the stages its code shows signs of
 * @param stage the stage decided for it (null until the stage pass)
 * @param section the heading of the cell, or null
 * @param subheading a section comment in the cell above it ({@code # ---- random forest ----}), or null
 * @param blankBefore true when a blank line separates it from the unit above in the notebook
 */
public record Unit(int cell, int ordinal, List<Stmt> statements, String text, Module code, CellNames names, Kind kind,
                   EnumSet<Stage> signals, Stage stage, Markdown.Heading section, String subheading,
                   boolean blankBefore) {
    public Unit {
        statements = List.copyOf(statements);
        signals = signals.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(signals);
    }

    /** What a unit does, for the stage and grouping passes. */
    public enum Kind {
        /** Anything else: data work. */
        CODE,
        /** Draws or decorates a figure ({@code plt.plot}, {@code ax.set_title}, {@code fig.savefig}). */
        DRAWING,
        /** Sets the style of later figures ({@code plt.style.use}, {@code sns.set()}). */
        STYLE,
        /** Defines a function or class. */
        DEFINITION,
        /** Seeds a global random generator. */
        SEED
    }

    public Unit withStage(Stage value) {
        return new Unit(cell, ordinal, statements, text, code, names, kind, signals, value, section, subheading,
            blankBefore);
    }

    public Unit withText(String newText, Module newCode, CellNames newNames) {
        return new Unit(cell, ordinal, statements, newText, newCode, newNames, kind, signals, stage, section,
            subheading, blankBefore);
    }

    /** The span of the original statements in the cell. */
    public Span span() {
        return Span.cover(statements.get(0).span(), statements.get(statements.size() - 1).span());
    }

    /** True when the original statements cover the position (a result's span). */
    public boolean covers(Span inner) {
        Span outer = span();
        return Span.cover(outer, inner).equals(outer);
    }
}
