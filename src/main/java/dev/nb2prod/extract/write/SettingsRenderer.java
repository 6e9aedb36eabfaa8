package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings dataclasses of config.py: per stage a frozen {@code <Stage>Params} with one typed field per key
 * its functions read, and a {@code from_config} that resolves paths against data_root and output_root.
 */
public final class SettingsRenderer {
    private SettingsRenderer() {}

    /** The classes, each preceded by two blank lines; empty when no stage reads configuration. */
    public static String render(List<Settings> settings) {
        StringBuilder out = new StringBuilder();
        for (Settings s : settings) {
            out.append("\n\n@dataclass(frozen=True)\n");
            out.append("class ").append(s.className()).append(":\n");
            out.append("    \"\"\"Settings of the ").append(s.stage().module()).append(" stage (section ``")
                .append(s.stage().module()).append("`` of config.yaml).\"\"\"\n\n");
            for (ConfigKey key : s.keys()) {
                out.append("    ").append(key.field()).append(": ").append(Wiring.typeOf(key)).append('\n');
            }
            out.append("\n    @classmethod\n");
            out.append("    def from_config(cls, config: dict[str, Any]) -> ").append(s.className()).append(":\n");
            out.append("        \"\"\"The settings from a configuration returned by load_config.\"\"\"\n");
            List<String> args = new ArrayList<>();
            for (ConfigKey key : s.keys()) {
                args.add(key.field() + "=" + Wiring.configExpression(key, "config"));
            }
            out.append(PyText.call(8, "return cls", args, ""));
        }
        return out.toString();
    }
}
