package dev.nb2prod.verify;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The outcome of a verification.
 *
 * @param artifacts the compared artifacts: the results in the order of nb2prod.json (or the notebook's terminal
 *     values in notebook order), then the other files the notebook writes, by path
 * @param notes things worth knowing that are not differences (e.g. that the package has no nb2prod.json, or values
 *     the package returns that are not results)
 * @param packageFailure why the package could not run, when it failed (then {@code artifacts} is empty)
 * @param notebookRunner how the notebook ran: {@code nbclient} or {@code script}
 * @param basis where the list of what to compare comes from
 */
public record VerificationReport(List<ArtifactResult> artifacts, List<String> notes, Optional<String> packageFailure,
                                 String notebookRunner, Basis basis) {
    /** Where the list of what to compare comes from. */
    public enum Basis {
        /** The package's nb2prod.json. */
        RESULTS_FILE,
        /** The package has no nb2prod.json: the results nb2prod plans for the notebook. */
        PLANNED,
        /** Neither: the notebook's terminal values by variable name. */
        TERMINAL_VALUES
    }

    /** The verdict. */
    public enum Verdict {
        /** The package ran, nothing differs or is missing, and at least one result was compared strongly. */
        EQUIVALENT,
        /** The package fails, or something differs, is missing or is not reproducible by the notebook itself. */
        NOT_EQUIVALENT,
        /** Nothing differs, but nothing was compared strongly: nothing to compare, or only weak comparisons. */
        INCONCLUSIVE
    }

    public VerificationReport {
        artifacts = List.copyOf(artifacts);
        notes = List.copyOf(notes);
    }

    public Verdict verdict() {
        if (packageFailure.isPresent() || artifacts.stream().anyMatch(a -> a.status() == ArtifactResult.Status.DIFFERENT
            || a.status() == ArtifactResult.Status.MISSING || a.status() == ArtifactResult.Status.NOT_REPRODUCIBLE)) {
            return Verdict.NOT_EQUIVALENT;
        }
        return artifacts.stream().anyMatch(ArtifactResult::strong) ? Verdict.EQUIVALENT : Verdict.INCONCLUSIVE;
    }

    /** True when the verdict is equivalent: a verdict resting only on weak comparisons is not. */
    public boolean equivalent() {
        return verdict() == Verdict.EQUIVALENT;
    }

    /**
     * True when the package ran but there was nothing to compare by value or content: no result of those kinds (a
     * notebook that only plots or prints) and no written file. Model files alone prove nothing, and neither do
     * figures when the verdict is inconclusive (then none could be compared by what it draws).
     */
    public boolean nothingToCompare() {
        return packageFailure.isEmpty()
            && artifacts.stream().noneMatch(a -> a.kind().isResult() || a.kind() == ArtifactResult.Kind.WRITTEN_FILE);
    }

    public long count(ArtifactResult.Status status) {
        return artifacts.stream().filter(a -> a.status() == status).count();
    }

    /** The result for one artifact, if it was compared. */
    public Optional<ArtifactResult> artifact(String name) {
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** How many of what were compared. */
    public Summary summary() {
        return new Summary(
            Tally.of(artifacts, a -> a.kind().isResult()),
            artifacts.stream().filter(a -> a.kind().isResult() && a.status() != ArtifactResult.Status.MISSING
                && a.status() != ArtifactResult.Status.WEAK).count(),
            artifacts.stream().filter(a -> a.kind().isResult() && a.status() == ArtifactResult.Status.WEAK).count(),
            Tally.of(artifacts, a -> a.kind() == ArtifactResult.Kind.FIGURE),
            Tally.of(artifacts, a -> a.kind() == ArtifactResult.Kind.MODEL_FILE),
            Tally.of(artifacts, a -> a.kind() == ArtifactResult.Kind.WRITTEN_FILE));
    }

    /** How many of a kind there are, and how many were compared (every one the package does not miss). */
    public record Tally(long compared, long total) {
        static Tally of(List<ArtifactResult> artifacts, Predicate<ArtifactResult> which) {
            List<ArtifactResult> chosen = artifacts.stream().filter(which).toList();
            return new Tally(chosen.stream().filter(a -> a.status() != ArtifactResult.Status.MISSING).count(),
                chosen.size());
        }

        String phrase(String singular, String plural) {
            return compared + " of " + total + " " + (total == 1 ? singular : plural);
        }
    }

    /**
     * The counts of the summary line.
     *
     * @param results displayed values, metrics, models and files (or terminal values)
     * @param strong results compared by value, content or predictions (the same or not)
     * @param weak results the same by a weak comparison only (type, parameters, an image's existence)
     * @param figures figures (compared by what they draw; by existence, weakly, when that is unknown)
     * @param modelFiles saved models (compared by existence, and loaded)
     * @param otherFiles files the notebook writes that are not results of their own
     */
    public record Summary(Tally results, long strong, long weak, Tally figures, Tally modelFiles, Tally otherFiles) {
        /** E.g. {@code compared 7 of 7 results (5 strongly, 2 weakly), 2 of 2 figures, 3 of 3 model files}. */
        public String line() {
            StringBuilder line = new StringBuilder("compared ").append(results.phrase("result", "results"));
            if (weak > 0) {
                line.append(" (").append(strong).append(" strongly, ").append(weak).append(" weakly)");
            }
            if (figures.total() > 0) {
                line.append(", ").append(figures.phrase("figure", "figures"));
            }
            if (modelFiles.total() > 0) {
                line.append(", ").append(modelFiles.phrase("model file", "model files"));
            }
            if (otherFiles.total() > 0) {
                line.append(", ").append(otherFiles.phrase("other written file", "other written files"));
            }
            return line.toString();
        }
    }
}
