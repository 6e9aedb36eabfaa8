package dev.nb2prod.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.PythonTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper's figure fingerprint ({@code figure_content}) and its comparison ({@code figure_difference}). */
class FigureContentTest {
    private static final String PRELUDE = String.join("\n",
        "import sys",
        "sys.path.insert(0, '.')",
        "import matplotlib",
        "matplotlib.use('Agg')",
        "import matplotlib.pyplot as plt",
        "import numpy as np",
        "import nb2prod_verify as v",
        "def content(draw, **figure):",
        "    fig = plt.figure(**figure)",
        "    draw(fig.add_subplot())",
        "    found = v.figure_content(fig)",
        "    plt.close(fig)",
        "    return [found]",
        "def differ(a, b):",
        "    print(v.figure_difference(content(a), content(b), 1e-6))",
        "");

    @TempDir
    Path temp;
    private String python;

    @BeforeEach
    void setUp() throws IOException {
        python = PythonTool.require("numpy", "matplotlib");
        HelperScript.copyTo(temp);
    }

    @Test
    void theSameDataDrawnAtAnotherSizeAndStyleIsTheSame() throws IOException {
        assertThat(run("""
            def a(ax):
                ax.plot([1, 2, 3], [4, 5, 6]); ax.set_title('T')
            print(v.figure_difference(content(a, figsize=(4, 3), dpi=50), content(a, figsize=(9, 6), dpi=120), 1e-6))
            """)).isEqualTo("None");
    }

    @Test
    void aTitleOrABarThatChangedIsNamedWithItsPlace() throws IOException {
        assertThat(run("""
            differ(lambda ax: (ax.plot([0, 1]), ax.set(title='A Simple Plot')), lambda ax: ax.plot([0, 1]))
            differ(lambda ax: ax.bar([1, 2], [3, 4]), lambda ax: ax.bar([1, 2], [3, 5]))
            differ(lambda ax: ax.plot([0, 1], [2, 3]), lambda ax: ax.plot([0, 1], [2, 3.5]))
            """)).isEqualTo("""
            figure 1, axes 1 (title): 'A Simple Plot' vs ''
            figure 1, axes 1 (patches vertices abs): 28.200000000000003 vs 30.200000000000003
            figure 1, axes 1, line 1 (abs): 6.0 vs 6.5""");
    }

    @Test
    void roundingNoiseInASumNearZeroIsTheSameWhateverItsSign() throws IOException {
        assertThat(run("""
            big = [100.0, -100.0, 1e-13]
            print(v.figure_difference([{'axes': [{'points': v._array_summary(big)}]}],
                                      [{'axes': [{'points': v._array_summary(big[:2] + [-1e-13])}]}], 1e-6))
            print(v.figure_difference([{'axes': [{'points': v._array_summary(big)}]}],
                                      [{'axes': [{'points': v._array_summary(big[:2] + [1.0])}]}], 1e-6))
            """)).isEqualTo("None\nfigure 1, axes 1 (points abs): 200.0000000000001 vs 201.0");
    }

    private String run(String body) throws IOException {
        PythonTool.Result result = PythonTool.run(List.of(python, "-c", PRELUDE + body), temp, 120);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().strip();
    }
}
