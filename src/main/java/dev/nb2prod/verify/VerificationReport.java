package dev.nb2prod.verify;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a verification.
 *
 * @param artifacts the compared artifacts, notebook terminal values in notebook order, then written files by path
 * @param notes things worth knowing that are not differences (e.g. values the package returns that are not
 *     terminal values of the notebook)
 * @param packageFailure why the package could not run, when it failed (then {@code artifacts} is empty)
 * @param notebookRunner how the notebook ran: {@code nbclient} or {@code script}
 */
public record VerificationReport(List<ArtifactResult> artifacts, List<String> notes, Optional<String> packageFailure,
                                 String notebookRunner) {
    public VerificationReport {
        artifacts = List.copyOf(artifacts);
        notes = List.copyOf(notes);
    }

    /**
     * True when the package ran, there was something to compare and every artifact is the same. A run with nothing
     * to compare (a notebook that only plots or prints) proves nothing, so it is not equivalent.
     */
    public boolean equivalent() {
        return packageFailure.isEmpty() && !artifacts.isEmpty()
            && artifacts.stream().allMatch(a -> a.status() == ArtifactResult.Status.SAME);
    }

    /** True when the package ran but nothing could be compared: no terminal value and no written file. */
    public boolean nothingToCompare() {
        return packageFailure.isEmpty() && artifacts.isEmpty();
    }

    public long count(ArtifactResult.Status status) {
        return artifacts.stream().filter(a -> a.status() == status).count();
    }

    /** The result for one artifact, if it was compared. */
    public Optional<ArtifactResult> artifact(String name) {
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
