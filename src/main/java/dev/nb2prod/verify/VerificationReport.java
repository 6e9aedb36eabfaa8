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

    /** True when the package ran and every artifact is the same. */
    public boolean equivalent() {
        return packageFailure.isEmpty() && artifacts.stream().allMatch(a -> a.status() == ArtifactResult.Status.SAME);
    }

    public long count(ArtifactResult.Status status) {
        return artifacts.stream().filter(a -> a.status() == status).count();
    }

    /** The result for one artifact, if it was compared. */
    public Optional<ArtifactResult> artifact(String name) {
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
