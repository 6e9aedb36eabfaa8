package dev.nb2prod.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nb2prod.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFilesTest {
    private static final Set<String> KNOWN = Set.of("NB001", "NB002", "NB201", "NB601");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsEveryKeyFromYaml() throws Exception {
        Path file = file("nb2prod.yaml", """
            select: [NB0, NB2]
            ignore: NB002
            per-path-ignores:
              "scratch/*.ipynb": [NB2]
            fail-on: warning
            severity:
              NB201: info
            rules:
              NB601: {max-lines: 80}
              NB201: {allow: [0, 1, 1000]}
            """);
        Settings settings = SettingsFiles.read(file, KNOWN);
        assertThat(settings.select()).contains(List.of("NB0", "NB2"));
        assertThat(settings.ignore()).contains(List.of("NB002"));
        assertThat(settings.perPathIgnores()).contains(Map.of("scratch/*.ipynb", List.of("NB2")));
        assertThat(settings.failOn()).contains(Severity.WARNING);
        assertThat(settings.severities()).contains(Map.of("NB201", Severity.INFO));
        assertThat(settings.rules().orElseThrow()).containsEntry("NB601", Map.of("max-lines", 80))
            .containsEntry("NB201", Map.of("allow", List.of(0, 1, 1000)));
    }

    @Test
    void readsTheToolTableOfPyproject() throws Exception {
        Path file = file("pyproject.toml", """
            [project]
            name = "x"

            [tool.nb2prod]
            select = ["NB2"]
            fail-on = "info"

            [tool.nb2prod.rules.NB601]
            max-lines = 80
            """);
        Settings settings = SettingsFiles.read(file, KNOWN);
        assertThat(settings.select()).contains(List.of("NB2"));
        assertThat(settings.failOn()).contains(Severity.INFO);
        assertThat(settings.rules().orElseThrow().get("NB601")).containsEntry("max-lines", 80);
        assertThat(settings.ignore()).isEmpty();
    }

    @Test
    void emptyYamlSetsNothing() throws Exception {
        assertThat(SettingsFiles.read(file("nb2prod.yaml", "# nothing yet\n"), KNOWN)).isEqualTo(Settings.EMPTY);
    }

    @Test
    void errorsNameTheFileTheKeyAndTheProblem() throws Exception {
        assertError("selct: [NB0]\n", "nb2prod.yaml: selct: unknown key (known keys: select, ignore, per-path-ignores, fail-on, severity, rules)");
        assertError("fail_on: error\n", "nb2prod.yaml: fail_on: unknown key (did you mean 'fail-on'?)");
        assertError("select: 3\n", "nb2prod.yaml: select: expected a list of rule codes, found a number (3)");
        assertError("select: [NB7]\n", "nb2prod.yaml: select: unknown rule code or prefix 'NB7' (see 'nb2prod rules')");
        assertError("fail-on: fatal\n", "nb2prod.yaml: fail-on: expected error, warning or info, found 'fatal'");
        assertError("severity: {NB999: info}\n", "nb2prod.yaml: severity.NB999: unknown rule code (see 'nb2prod rules')");
        assertError("severity: {NB201: loud}\n", "nb2prod.yaml: severity.NB201: expected error, warning or info, found 'loud'");
        assertError("rules: {NB601: 80}\n", "nb2prod.yaml: rules.NB601: expected a mapping, found a number (80)");
        assertError("per-path-ignores: {'a/*': [NB8]}\n", "nb2prod.yaml: per-path-ignores.a/*: unknown rule code or prefix 'NB8' (see 'nb2prod rules')");
        assertError("- a\n- b\n", "nb2prod.yaml: the file must be a mapping of keys (select, ignore, ...), not a list");
    }

    @Test
    void badYamlAndTomlAreOneLine() throws Exception {
        Path yaml = file("nb2prod.yaml", "select: [NB0\nignore: x\n");
        assertThatThrownBy(() -> SettingsFiles.read(yaml, KNOWN)).isInstanceOf(SettingsException.class)
            .hasMessageStartingWith(yaml + ": invalid YAML: ").hasMessageNotContaining("\n");
        Path toml = file("pyproject.toml", "[tool.nb2prod]\nselect = [\"NB0\"\n");
        assertThatThrownBy(() -> SettingsFiles.read(toml, KNOWN)).isInstanceOf(SettingsException.class)
            .hasMessageStartingWith(toml + ": invalid TOML").hasMessageNotContaining("\n");
    }

    private void assertError(String yaml, String message) throws IOException {
        Path file = file("nb2prod.yaml", yaml);
        assertThatThrownBy(() -> SettingsFiles.read(file, KNOWN)).isInstanceOf(SettingsException.class)
            .hasMessage(dir.resolve(message).toString());
    }

    @Test
    void findsTheNearestFileUpwardsAndYamlWinsInAFolder() throws Exception {
        Path deep = dir.resolve("a/b/c");
        Files.createDirectories(deep);
        assertThat(SettingsFiles.find(deep)).isEmpty();
        Path top = file("pyproject.toml", "[tool.nb2prod]\nselect = [\"NB0\"]\n");
        assertThat(SettingsFiles.find(deep)).contains(top);
        file("a/b/pyproject.toml", "[project]\nname = \"no nb2prod table here\"\n");
        assertThat(SettingsFiles.find(deep)).contains(top);
        Path nearer = file("a/pyproject.toml", "[tool.nb2prod]\n");
        assertThat(SettingsFiles.find(deep)).contains(nearer);
        Path yaml = file("a/nb2prod.yaml", "select: [NB0]\n");
        assertThat(SettingsFiles.find(deep)).contains(yaml);
    }
}
