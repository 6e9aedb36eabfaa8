package dev.nb2prod.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.testing.PythonTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper's run-notebook mode without nbclient: code cells as a script, IPython syntax removed. */
class ScriptRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void magicsAndShellLinesAreRemovedAndWrittenFilesRecorded() throws IOException {
        String python = PythonTool.require();
        Path folder = Files.createDirectories(temp.resolve("nb"));
        Files.writeString(folder.resolve("input.txt"), "3\n");
        Path notebook = folder.resolve("n.ipynb");
        JSON.writeValue(notebook.toFile(), Map.of("nbformat", 4, "nbformat_minor", 4, "metadata", Map.of(), "cells", List.of(
            code("%load_ext autoreload\n!pip install nothing\nfiles = !ls\nn = int(open('input.txt').read())"),
            code("%%time\ntotal = n * 2.5\nif total:\n    %time total = total + 0\n"),
            code("%%bash\nexit 1\n"),
            code("display(total)\nopen('out.txt', 'w').write(str(total))\nratio = total / n"))));
        Path names = temp.resolve("names.json");
        JSON.writeValue(names.toFile(), List.of("files", "ratio", "total", "never"));
        HelperScript.copyTo(temp);
        Path out = temp.resolve("out");
        PythonTool.Result result = PythonTool.run(List.of(python, temp.resolve(HelperScript.FILE_NAME).toString(),
            "run-notebook", notebook.toString(), names.toString(), out.toString()), temp,
            Map.of("NB2PROD_VERIFY_RUNNER", "script", "PYTHONDONTWRITEBYTECODE", "1"), 120);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(JSON.readTree(out.resolve("status.json").toFile()).path("ok").asBoolean()).isTrue();
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("runner").asText()).isEqualTo("script");
        assertThat(manifest.path("artifacts").path("total").path("kind").asText()).isEqualTo("number");
        assertThat(manifest.path("artifacts").path("ratio").path("kind").asText()).isEqualTo("number");
        assertThat(manifest.path("artifacts").path("files").path("kind").asText()).isEqualTo("other");
        assertThat(manifest.path("artifacts").path("never").path("kind").asText()).isEqualTo("undefined");
        assertThat(manifest.path("files").fieldNames()).toIterable().containsExactly("out.txt");
        assertThat(Files.readString(out.resolve("files/out.txt"))).isEqualTo("7.5");
    }

    @Test
    void ipythonEscapesRunAsTheCallsIPythonMakes() throws IOException {
        String python = PythonTool.require();
        Path folder = Files.createDirectories(temp.resolve("nb"));
        Path notebook = folder.resolve("escapes.ipynb");
        JSON.writeValue(notebook.toFile(), Map.of("nbformat", 4, "nbformat_minor", 4, "metadata", Map.of(), "cells", List.of(
            code("calls = []\ndef rec(*a):\n    calls.append(a)\n    return a\nvals = [1\n        ,2]\n;"),
            code(";rec a  b\n,rec a  b\n/rec 1 2\nif vals:\n    ;\n    /rec 3\ntext = '''\n;rec no\n'''\n"
                + "open('calls.txt', 'w').write(repr(calls))"),
            code("  >>> n = len(calls)\n  ... m = n"))));
        Path names = temp.resolve("names.json");
        JSON.writeValue(names.toFile(), List.of("m"));
        HelperScript.copyTo(temp);
        Path out = temp.resolve("out");
        PythonTool.Result result = PythonTool.run(List.of(python, temp.resolve(HelperScript.FILE_NAME).toString(),
            "run-notebook", notebook.toString(), names.toString(), out.toString()), temp,
            Map.of("NB2PROD_VERIFY_RUNNER", "script", "PYTHONDONTWRITEBYTECODE", "1"), 120);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(JSON.readTree(out.resolve("status.json").toFile()).path("ok").asBoolean())
            .as(Files.readString(out.resolve("status.json"))).isTrue();
        assertThat(Files.readString(out.resolve("files/calls.txt"))).isEqualTo("[('a  b',), ('a', 'b'), (1, 2), (3,)]");
        JsonNode m = JSON.readTree(out.resolve("manifest.json").toFile()).path("artifacts").path("m");
        assertThat(m.path("kind").asText()).isEqualTo("integer");
    }

    private static Map<String, Object> code(String source) {
        return Map.of("cell_type", "code", "metadata", Map.of(), "outputs", List.of(), "execution_count", 1,
            "source", source);
    }
}
