package dev.nb2prod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.AllOutputs;
import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.PythonTool;
import dev.nb2prod.testing.SeededNotebooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives byte-identical output (over a few notebooks: the example, a seeded one, a non-ASCII one and
 * the first runnable ones of the corpus; {@link CorpusOutputsTest} runs the whole corpus): across runs, across
 * thread counts ({@code --jobs 1} and {@code --jobs 4}), across JVMs (a child JVM has other identity hash codes
 * and another iteration order for {@code Set.of}/{@code Map.of}) and across locales, time zones and platform
 * encodings. Locales chosen for what they break: tr-TR (dotless i in toLowerCase/toUpperCase), de-DE (decimal
 * comma), ar-SA, hi-IN with Devanagari digits and th-TH with Thai digits (non-ASCII digits and separators in
 * String.format; th-TH also the Buddhist calendar).
 *
 * <p>The default locale and time zone are global: they are set only around in-process runs and restored in a
 * finally block; surefire runs test classes one after the other in one JVM (pom.xml: no parallel execution).
 */
class DeterminismTest {
    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("de-DE"),
        Locale.forLanguageTag("ar-SA"), Locale.forLanguageTag("hi-IN-u-nu-deva"),
        Locale.forLanguageTag("th-TH-u-nu-thai-ca-buddhist"));
    private static final List<String> ZONES = List.of("Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu");

    /** Runs {@code what} with the default locale (every category) and time zone replaced, then restores them. */
    private static <T> T in(Locale locale, String zone, Callable<T> what) throws Exception {
        Locale locales = Locale.getDefault();
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        TimeZone timeZone = TimeZone.getDefault();
        try {
            Locale.setDefault(locale);
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            return what.call();
        } finally {
            Locale.setDefault(locales);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
            TimeZone.setDefault(timeZone);
        }
    }

    @Test
    void theCommandLineGivesTheSameBytesWithOneThreadOrFour(@TempDir Path dir) {
        List<Path> files = handful(dir);
        for (String format : List.of("text", "json", "sarif", "github")) {
            List<String> one = new ArrayList<>(List.of("assess", "--format", format, "--fail-on", "info", "--jobs", "1"));
            List<String> four = new ArrayList<>(List.of("assess", "--format", format, "--fail-on", "info", "--jobs", "4"));
            files.forEach(f -> one.add(f.toString()));
            files.forEach(f -> four.add(f.toString()));
            Cli first = Cli.run(one.toArray(String[]::new));
            Cli second = Cli.run(four.toArray(String[]::new));
            assertThat(first.exitCode()).isIn(0, 1);
            assertThat(second.out()).as(format).isEqualTo(first.out());
            assertThat(second.err()).as(format).isEqualTo(first.err());
        }
    }

    private static List<Path> handful(Path seededDir) {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("examples/churn_analysis.ipynb"));
        files.add(new SeededNotebooks().inCode(seededDir.resolve("seeded.ipynb")));
        files.add(dev.nb2prod.testing.IpynbFiles.write(seededDir.resolve("unicode.ipynb"),
            "import pandas as pd\ncafé = pd.DataFrame({'naïve': [1.5, 2.25]})\nrésumé = café['naïve'].sum() * 0.1",
            "print(f'Ergebnis: {résumé:,.2f} – ✓')\nrésumé"));
        PythonTool.corpus().ifPresent(corpus -> {
            try {
                Files.readAllLines(corpus.resolve("RUNNABLE.txt")).stream().limit(3)
                    .map(line -> corpus.resolve(line.split("\t")[0])).filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException e) {
                // no list: the example and the seeded notebook only
            }
        });
        return files;
    }

    @Test
    void aFewNotebooksInEveryFormatIncludingExtractInManyLocales(@TempDir Path dir) throws Exception {
        List<Path> files = handful(dir);
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        Map<String, String> expected = AllOutputs.of(files);
        assertThat(expected.keySet().stream().filter(k -> k.contains("extract package/")).count())
            .as("packages were generated").isGreaterThan(10);
        for (int i = 0; i < LOCALES.size(); i++) {
            Locale locale = LOCALES.get(i);
            Map<String, String> actual = in(locale, ZONES.get(i % ZONES.size()), () -> AllOutputs.of(files));
            AllOutputs.assertSame(actual, expected, "in " + locale.toLanguageTag());
        }
    }

    @Test
    void aChildJvmWithAnotherLocaleTimeZoneAndEncodingPrintsTheSameBytes(@TempDir Path dir) throws Exception {
        List<Path> files = handful(dir);
        List<String> names = files.stream().map(Path::toString).toList();
        List<String> arguments = List.of("assess", "--format", "json", "--fail-on", "info",
            files.stream().filter(f -> f.endsWith("unicode.ipynb")).findFirst().orElseThrow().toString());
        Cli here = Cli.run(arguments.toArray(String[]::new));
        assertThat(AllOutputs.childJvm(dir, "dev.nb2prod.cli.Main", arguments)).as("nb2prod's own bytes, UTF-8 whatever the encoding")
            .isEqualTo(here.out().getBytes(StandardCharsets.UTF_8));
        assertThat(here.out()).as("the report has non-ASCII text, so the encoding matters").matches("(?s).*[^\\x00-\\x7f].*");

        String everything = AllOutputs.print(AllOutputs.of(files));
        String theChilds = AllOutputs.inChildJvm(dir, names);
        Map<String, String> mine = AllOutputs.split(everything);
        Map<String, String> its = AllOutputs.split(theChilds);
        AllOutputs.assertSame(its, mine, "a child JVM");
        assertThat(theChilds).isEqualTo(everything);
    }
}
