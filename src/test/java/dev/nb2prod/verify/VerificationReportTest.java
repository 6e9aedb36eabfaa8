package dev.nb2prod.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.verify.ArtifactResult.Kind;
import dev.nb2prod.verify.ArtifactResult.Status;
import dev.nb2prod.verify.VerificationReport.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationReportTest {
    @Test
    void aRunWithNothingToCompareIsInconclusive() {
        VerificationReport report = report(List.of());
        assertThat(report.nothingToCompare()).isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.equivalent()).isFalse();
    }

    @Test
    void aFailingPackageIsNeitherEquivalentNorNothingToCompare() {
        VerificationReport report = new VerificationReport(List.of(), List.of(), Optional.of("boom"), "nbclient",
            VerificationReport.Basis.RESULTS_FILE);
        assertThat(report.nothingToCompare()).isFalse();
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_EQUIVALENT);
    }

    @Test
    void everyResultTheSameIsEquivalentAndOneDifferenceOrMissingIsNot() {
        ArtifactResult same = new ArtifactResult("score", Kind.METRIC, Status.SAME, "");
        assertThat(report(List.of(same)).verdict()).isEqualTo(Verdict.EQUIVALENT);
        assertThat(report(List.of(same, new ArtifactResult("X", Kind.DISPLAYED, Status.DIFFERENT, "shape"))).verdict())
            .isEqualTo(Verdict.NOT_EQUIVALENT);
        assertThat(report(List.of(same, new ArtifactResult("lost", Kind.METRIC, Status.MISSING, ""))).verdict())
            .isEqualTo(Verdict.NOT_EQUIVALENT);
        assertThat(report(List.of(same, new ArtifactResult("seed", Kind.METRIC, Status.NOT_REPRODUCIBLE, "")))
            .verdict()).isEqualTo(Verdict.NOT_EQUIVALENT);
    }

    @Test
    void weakComparisonsFiguresAndModelFilesAloneAreInconclusive() {
        List<ArtifactResult> weakOnly = List.of(
            new ArtifactResult("model", Kind.MODEL, Status.WEAK, "parameters only"),
            new ArtifactResult("model_file", Kind.MODEL_FILE, Status.SAME, "saved"),
            new ArtifactResult("plot", Kind.FIGURE, Status.WEAK, "cell 3 shows 1 image (compared by existence)"));
        VerificationReport report = report(weakOnly);
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.nothingToCompare()).isFalse();
        // one strong comparison besides makes it equivalent
        List<ArtifactResult> withStrong = new java.util.ArrayList<>(weakOnly);
        withStrong.add(new ArtifactResult("acc", Kind.METRIC, Status.SAME, ""));
        assertThat(report(withStrong).verdict()).isEqualTo(Verdict.EQUIVALENT);
        // figures alone: nothing to compare by value
        assertThat(report(weakOnly.subList(1, 3)).nothingToCompare()).isTrue();
        // a figure compared by what it draws is strong
        assertThat(report(List.of(new ArtifactResult("plot", Kind.FIGURE, Status.SAME, "drawing the same data")))
            .verdict()).isEqualTo(Verdict.EQUIVALENT);
    }

    @Test
    void theSummaryCountsResultsStrongAndWeakFiguresModelFilesAndOtherFiles() {
        VerificationReport report = report(List.of(
            new ArtifactResult("acc", Kind.METRIC, Status.SAME, ""),
            new ArtifactResult("table", Kind.DISPLAYED, Status.DIFFERENT, "shape"),
            new ArtifactResult("model", Kind.MODEL, Status.WEAK, "parameters only"),
            new ArtifactResult("lost", Kind.DISPLAYED, Status.MISSING, ""),
            new ArtifactResult("plot", Kind.FIGURE, Status.SAME, ""),
            new ArtifactResult("other_plot", Kind.FIGURE, Status.MISSING, ""),
            new ArtifactResult("model_file", Kind.MODEL_FILE, Status.SAME, ""),
            new ArtifactResult("file:log.txt", Kind.WRITTEN_FILE, Status.SAME, "")));
        assertThat(report.summary().line()).isEqualTo("compared 3 of 4 results (2 strongly, 1 weakly), 1 of 2 figures, "
            + "1 of 1 model file, 1 of 1 other written file");
        assertThat(report(List.of(new ArtifactResult("acc", Kind.METRIC, Status.SAME, ""))).summary().line())
            .isEqualTo("compared 1 of 1 result");
    }

    private static VerificationReport report(List<ArtifactResult> artifacts) {
        return new VerificationReport(artifacts, List.of(), Optional.empty(), "nbclient",
            VerificationReport.Basis.RESULTS_FILE);
    }
}
