package dev.nb2prod.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsResolverTest {
    private static final Set<String> KNOWN = Set.of("NB001", "NB002", "NB201", "NB601");
    private static final Settings FILE = new Settings(Optional.of(List.of("NB2")), Optional.of(List.of("NB601")),
        Optional.of(Map.of("scratch/*", List.of("NB0"))), Optional.of(Severity.WARNING),
        Optional.of(Map.of("NB201", Severity.INFO)), Optional.of(Map.of("NB601", Map.of("max-lines", 80))));

    @Test
    void defaultsRunEverythingAndFailOnErrors() {
        SettingsResolver.Resolved resolved = SettingsResolver.resolve(Settings.EMPTY, Settings.EMPTY, Settings.EMPTY);
        assertThat(resolved.failOn()).isEqualTo(Severity.ERROR);
        assertThat(resolved.config().select()).isEmpty();
        assertThat(resolved.config().enabled("NB601", "a.ipynb")).isTrue();
    }

    @Test
    void fileValuesApplyWhenNothingOverridesThem() {
        SettingsResolver.Resolved resolved = SettingsResolver.resolve(FILE, Settings.EMPTY, Settings.EMPTY);
        assertThat(resolved.failOn()).isEqualTo(Severity.WARNING);
        assertThat(resolved.config().enabled("NB201", "a.ipynb")).isTrue();
        assertThat(resolved.config().enabled("NB001", "a.ipynb")).isFalse();
        assertThat(resolved.config().options().intValue("NB601", "max-lines", 0)).isEqualTo(80);
        assertThat(resolved.config().severities()).containsEntry("NB201", Severity.INFO);
    }

    @Test
    void environmentOverridesTheFileAndTheCommandLineOverridesBoth() throws Exception {
        Settings env = SettingsResolver.fromEnvironment(Map.of("NB2PROD_SELECT", "NB0, NB201", "NB2PROD_FAIL_ON", "info"), KNOWN);
        SettingsResolver.Resolved resolved = SettingsResolver.resolve(FILE, env, Settings.EMPTY);
        assertThat(resolved.config().select()).containsExactly("NB0", "NB201");
        assertThat(resolved.config().ignore()).containsExactly("NB601");
        assertThat(resolved.failOn()).isEqualTo(Severity.INFO);

        Settings cli = SettingsResolver.fromCommandLine("nb001", null, "error", KNOWN);
        resolved = SettingsResolver.resolve(FILE, env, cli);
        assertThat(resolved.config().select()).containsExactly("NB001");
        assertThat(resolved.failOn()).isEqualTo(Severity.ERROR);
    }

    @Test
    void blankEnvironmentVariablesAreUnset() throws Exception {
        assertThat(SettingsResolver.fromEnvironment(Map.of("NB2PROD_SELECT", " ", "NB2PROD_FAIL_ON", ""), KNOWN))
            .isEqualTo(Settings.EMPTY);
    }

    @Test
    void badValuesNameTheirSource() {
        assertThatThrownBy(() -> SettingsResolver.fromEnvironment(Map.of("NB2PROD_IGNORE", "NB9"), KNOWN))
            .hasMessage("NB2PROD_IGNORE: unknown rule code or prefix 'NB9' (see 'nb2prod rules')");
        assertThatThrownBy(() -> SettingsResolver.fromEnvironment(Map.of("NB2PROD_FAIL_ON", "never"), KNOWN))
            .hasMessage("NB2PROD_FAIL_ON: expected error, warning or info, found 'never'");
        assertThatThrownBy(() -> SettingsResolver.fromCommandLine("E501", null, null, KNOWN))
            .hasMessage("--select: unknown rule code or prefix 'E501' (see 'nb2prod rules')");
    }
}
