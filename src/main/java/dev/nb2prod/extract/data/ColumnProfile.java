package dev.nb2prod.extract.data;

import java.util.Map;

/** What one column of the reference data looks like, for the drift check of the generated package. */
public sealed interface ColumnProfile {
    /** The share of values that are missing (blank or one of pandas' default NA words). */
    double nullRate();

    /** True when the column has no missing value and no value twice (a key). */
    boolean unique();

    /**
     * A numeric column: the deciles of its values (equal edges merged) and the share of values in each bin
     * ({@code [edges[i], edges[i+1])}, the last bin closed).
     */
    record Numeric(double nullRate, boolean unique, boolean integral, double[] edges, double[] proportions)
        implements ColumnProfile {}

    /**
     * A column of free text, identifiers or personal data: too many distinct values to profile by frequency (or
     * values that must not leave the data), so only its null rate is watched.
     */
    record Text(double nullRate, boolean unique, boolean personal) implements ColumnProfile {}

    /** A text column with few distinct values: the share of its most frequent values, the rest as {@code __other__}. */
    record Categorical(double nullRate, boolean unique, Map<String, Double> frequencies) implements ColumnProfile {}
}
