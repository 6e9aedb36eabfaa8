package dev.nb2prod.verify;

import java.util.List;

/**
 * What verify compares: the results of the package's {@code nb2prod.json} (or, for a package without one, of the
 * notebook's plan), or, when nb2prod cannot plan the notebook, its terminal values by variable name.
 */
sealed interface Comparands {
    /** Where the list comes from. */
    VerificationReport.Basis basis();

    /** What the report should say about it (e.g. that nb2prod.json is missing). */
    List<String> notes();

    /** Results by name, each captured in the notebook right after its cell ran. */
    record Results(List<ExpectedResult> results, VerificationReport.Basis basis, List<String> notes)
        implements Comparands {
        public Results {
            results = List.copyOf(results);
            notes = List.copyOf(notes);
            if (basis == VerificationReport.Basis.TERMINAL_VALUES) {
                throw new IllegalArgumentException("results come from nb2prod.json or a plan");
            }
        }
    }

    /** The notebook's terminal values, captured at its end, and the values run_pipeline returns by those names. */
    record TerminalValues(List<String> names, List<String> notes) implements Comparands {
        public TerminalValues {
            names = List.copyOf(names);
            notes = List.copyOf(notes);
        }

        @Override
        public VerificationReport.Basis basis() {
            return VerificationReport.Basis.TERMINAL_VALUES;
        }
    }
}
