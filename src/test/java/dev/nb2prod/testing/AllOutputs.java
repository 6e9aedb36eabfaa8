package dev.nb2prod.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    /**
     * Assess in its four formats (all notebooks in one report) and graph json of each notebook, one notebook after
     * the other: what a whole-corpus comparison needs, without the slower formats and extract.
     */
    public static Map<String, String> assessAndGraphJson(List<Path> files) {
        Map<String, String> graphs = new LinkedHashMap<>();
        List<dev.nb2prod.report.NotebookResult> results = new java.util.ArrayList<>();
        for (Path file : files) {
            Renderings.analyse(file).ifPresent(analysis -> {
                results.add(analysis.result());
                graphs.put(file + " graph.json", Renderings.graph(analysis).get("graph.json"));
            });
        }
        Map<String, String> out = new LinkedHashMap<>(Renderings.assess(results));
        out.putAll(graphs);
        return out;
    }

    /**
     * Prints, in UTF-8, {@link #of} the notebooks named as arguments or, with {@code --corpus DIR} as arguments,
     * {@link #assessAndGraphJson} of every notebook under DIR.
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (args.length == 2 && args[0].equals("--corpus")) {
            out.print(print(assessAndGraphJson(Renderings.notebooks(Path.of(args[1])))));
        } else {
            out.print(print(of(java.util.Arrays.stream(args).map(Path::of).toList())));
        }
        out.flush();
    }

    /** The outputs {@link #print} printed, by name. */
    public static Map<String, String> split(String printed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : printed.split("(?m)^==== ")) {
            if (!part.isEmpty()) {
                int newline = part.indexOf('\n');
                out.put(part.substring(0, newline), part.substring(newline + 1, part.length() - 1)); // print's '\n' 
            }
        }
        return out;
    }

    /**
     * Runs {@link #main} in a child JVM on this class path, in tr-TR with Arabic number formats, another time
     * zone and ISO-8859-1 as the platform encoding; returns what it printed.
     */
    public static String inChildJvm(Path workDir, List<String> arguments) throws IOException, InterruptedException {
        return new String(childJvm(workDir, AllOutputs.class.getName(), arguments), StandardCharsets.UTF_8);
    }

    /** Runs a main class in a child JVM (as {@link #inChildJvm}); returns its standard output's bytes. */
    public static byte[] childJvm(Path workDir, String mainClass, List<String> arguments)
        throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss8m", "-Xmx1g",
            "-Duser.language=tr", "-Duser.country=TR", "-Duser.language.format=ar", "-Duser.country.format=SA",
            "-Duser.timezone=Asia/Kathmandu", "-Dfile.encoding=ISO-8859-1", "-Dstdout.encoding=ISO-8859-1",
            "-Dstderr.encoding=ISO-8859-1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        Path out = java.nio.file.Files.createTempFile(workDir, "child", ".out");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!child.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IOException("the child JVM did not finish in 300 s");
        }
        if (child.exitValue() != 0 && child.exitValue() != 1) {
            throw new IOException("the child JVM failed with exit code " + child.exitValue());
        }
        return java.nio.file.Files.readAllBytes(out);
    }

    /** The same outputs, in the same order, with the same text; a difference is shown in context. */
    public static void assertSame(Map<String, String> actual, Map<String, String> expected, String what) {
        assertThat(actual.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String other = actual.get(entry.getKey());
            if (!other.equals(entry.getValue())) {
                int at = 0;
                while (at < other.length() && at < entry.getValue().length() && other.charAt(at) == entry.getValue().charAt(at)) {
                    at++;
                }
                String context = entry.getValue().substring(Math.max(0, at - 80), Math.min(entry.getValue().length(), at + 80));
                String changed = other.substring(Math.max(0, at - 80), Math.min(other.length(), at + 80));
                assertThat(changed).as(what + ": " + entry.getKey() + " differs at character " + at).isEqualTo(context);
            }
        }
    }

}
