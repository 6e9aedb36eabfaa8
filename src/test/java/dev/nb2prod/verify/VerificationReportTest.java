package dev.nb2prod.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationReportTest {
    @Test
    void aRunWithNothingToCompareIsNotEquivalent() {
        VerificationReport report = new VerificationReport(List.of(), List.of(), Optional.empty(), "nbclient");
        assertThat(report.nothingToCompare()).isTrue();
        assertThat(report.equivalent()).isFalse();
    }

    @Test
    void aFailingPackageIsNeitherEquivalentNorNothingToCompare() {
        VerificationReport report = new VerificationReport(List.of(), List.of(), Optional.of("boom"), "nbclient");
        assertThat(report.nothingToCompare()).isFalse();
        assertThat(report.equivalent()).isFalse();
    }

    @Test
    void everyArtifactTheSameIsEquivalentAndOneDifferenceIsNot() {
        ArtifactResult same = new ArtifactResult("score", ArtifactResult.Status.SAME, "");
        ArtifactResult different = new ArtifactResult("X", ArtifactResult.Status.DIFFERENT, "shape");
        assertThat(new VerificationReport(List.of(same), List.of(), Optional.empty(), "nbclient").equivalent()).isTrue();
        assertThat(new VerificationReport(List.of(same, different), List.of(), Optional.empty(), "nbclient")
            .equivalent()).isFalse();
    }
}
