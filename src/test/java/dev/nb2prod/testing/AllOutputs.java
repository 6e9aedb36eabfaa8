package dev.nb2prod.testing;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything nb2prod prints about some notebooks: assess in its four formats, graph in its three, the extraction
 * plan and every generated file, and the rules table. {@link #main} prints it, so a child JVM (other identity hash
 * codes, another salt for {@code Set.of}/{@code Map.of} iteration, other locale and encoding) can be compared with
 * this one.
 */
public final class AllOutputs {
    private AllOutputs() {}

    public static Map<String, String> of(List<Path> files) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Renderings.Analysis> analyses = files.stream().map(Renderings::analyse).flatMap(java.util.Optional::stream).toList();
        out.putAll(Renderings.assess(analyses.stream().map(Renderings.Analysis::result).toList()));
        for (int i = 0; i < analyses.size(); i++) {
            Renderings.Analysis analysis = analyses.get(i);
            Path file = Path.of(analysis.notebook().path());
            Renderings.graph(analysis).forEach((format, text) -> out.put(file + " " + format, text));
            Renderings.extract(file, analysis).forEach((name, text) -> out.put(file + " extract " + name, text));
        }
        out.put("rules", Cli.run("rules").out());
        return out;
    }

    /** One text: each output under a {@code ==== name} line. */
    public static String print(Map<String, String> outputs) {
        StringBuilder text = new StringBuilder();
        outputs.forEach((name, output) -> text.append("==== ").append(name).append('\n').append(output).append('\n'));
        return text.toString();
    }

    /** Prints the outputs of the notebooks named as arguments, in UTF-8. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        out.print(print(of(java.util.Arrays.stream(args).map(Path::of).toList())));
        out.flush();
    }
}
