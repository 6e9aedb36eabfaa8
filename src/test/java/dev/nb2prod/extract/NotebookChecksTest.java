package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook's own asserts become tests of the stage whose data they check, when the package can run them. */
class NotebookChecksTest {
    @Test
    void assertsAboutStepResultsBecomeStageTests(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,age,score,label\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i).append(',').append(18 + i % 60).append(',').append((i % 97) / 97.0).append(',')
                .append(i % 3 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(dir.resolve("people.csv"), csv);
        Path notebook = dir.resolve("people.ipynb");
        write(notebook,
            "import sys\nimport pandas as pd\nimport numpy as np",
            "df = pd.read_csv('people.csv')",
            "assert df['age'].min() >= 18\nassert len(df) == 300\nassert sys.version_info >= (3, 5)",
            "df = df[df.score > 0.1]\ndf['age_group'] = (df.age // 10) * 10",
            "assert df.age_group.isin(np.arange(10, 90, 10)).all(), 'bad groups'\n"
                + "assert df.score.between(0, 1).all()",
            "summary = df.groupby('label').score.mean()\nsummary");
        Path out = dir.resolve("pkg");
        Cli extract = Cli.run("extract", notebook.toString(), "-o", out.toString());
        assertThat(extract.exitCode()).as(extract.err()).isZero();
        String ingestion = Files.readString(out.resolve("tests/test_ingestion.py"), StandardCharsets.UTF_8);
        assertThat(ingestion).contains("def test_notebook_check_cell_3(load_people_result: dict[str, Any]) -> None:\n"
            + "    \"\"\"The notebook's own check in cell 3 holds on the fixture data.\"\"\"\n"
            + "    df = load_people_result[\"df\"]\n"
            + "    assert df['age'].min() >= 18\n");
        // a size compared with a number holds on the notebook's data, not on a sample; versions are no data
        assertThat(ingestion).doesNotContain("len(df) == 300").doesNotContain("version_info");
        String all = Files.readString(out.resolve("tests/test_preprocessing.py"), StandardCharsets.UTF_8)
            + Files.readString(out.resolve("tests/test_features.py"), StandardCharsets.UTF_8);
        // df in cell 5 has a column the step returning df does not add: no step holds that value
        assertThat(all).doesNotContain("age_group").doesNotContain("between(0, 1)");
    }

    private static void write(Path file, String... sources) throws Exception {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("cell_type", "code");
            cell.put("id", "c" + i);
            cell.put("metadata", Map.of());
            cell.put("execution_count", i + 1);
            cell.put("outputs", List.of());
            cell.put("source", sources[i]);
            cells.add(cell);
        }
        Map<String, Object> notebook = new LinkedHashMap<>();
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        notebook.put("metadata", Map.of("kernelspec", Map.of("name", "python3", "language", "python",
            "display_name", "Python 3")));
        notebook.put("cells", cells);
        new ObjectMapper().writeValue(file.toFile(), notebook);
    }
}
