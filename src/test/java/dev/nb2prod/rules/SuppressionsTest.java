package dev.nb2prod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.testing.RuleTester;
import dev.nb2prod.testing.TestNotebooks;
import dev.nb2prod.testing.TodoRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static List<String> run(Notebook notebook) {
        AnalyzedNotebook analyzed = TestNotebooks.analyze(notebook);
        List<Rule> rules = List.of(new TodoRule(), new UnknownSuppressionRule(), new SyntaxErrorRule());
        return RuleTester.describe(new Assessor(rules, AssessConfig.DEFAULTS).assess(analyzed,
            new CellGraphBuilder().build(analyzed)));
    }

    private static List<String> run(String... cells) {
        return run(TestNotebooks.code(cells));
    }

    @Test
    void unsuppressedFindingIsReported() {
        assertThat(run("x = 1  # TODO")).containsExactly("0:1:10 NB099 todo left: x = 1  # TODO");
    }

    @Test
    void endOfLineIgnoreSilencesThatCodeOnThatLineOnly() {
        assertThat(run("x = 1  # TODO  # nb2prod: ignore[NB099]\ny = 2  # TODO")).containsExactly(
            "0:2:10 NB099 todo left: y = 2  # TODO");
    }

    @Test
    void ignoreOfAnotherCodeDoesNotSilence() {
        assertThat(run("x = 1  # TODO  # nb2prod: ignore[NB001]")).hasSize(1);
    }

    @Test
    void prefixesAndLowerCaseCodesWork() {
        assertThat(run("x = 1  # TODO  # nb2prod: ignore[nb0]")).isEmpty();
    }

    @Test
    void noqaWithCodeAndBareNoqa() {
        assertThat(run("x = 1  # TODO  # noqa: NB099")).isEmpty();
        assertThat(run("x = 1  # TODO  # noqa")).isEmpty();
        assertThat(run("x = 1  # TODO  # noqa: NB001")).hasSize(1);
    }

    @Test
    void noqaCodesOfOtherToolsAreNeitherSuppressionsNorUnknown() {
        assertThat(run("x = 1  # TODO  # noqa: E501")).containsExactly("0:1:10 NB099 todo left: x = 1  # TODO  # noqa: E501");
    }

    @Test
    void hashInsideAStringIsNotAComment() {
        assertThat(run("s = '# noqa'  # TODO")).hasSize(1);
    }

    @Test
    void cellTagSilencesTheWholeCell() {
        Notebook notebook = TestNotebooks.builder().codeWithTags("a = 1  # TODO\nb = 2  # TODO", "nb2prod-ignore")
            .code("c = 3  # TODO").build();
        assertThat(run(notebook)).containsExactly("1:1:10 NB099 todo left: c = 3  # TODO");
    }

    @Test
    void ignoreCellOnTheFirstLineSilencesTheCell() {
        assertThat(run("# nb2prod: ignore-cell[NB099]\na = 1  # TODO\nb = 2  # TODO", "c = 3  # TODO"))
            .containsExactly("1:1:10 NB099 todo left: c = 3  # TODO");
        assertThat(run("# nb2prod: ignore-cell\na = 1  # TODO")).isEmpty();
        assertThat(run("# nb2prod: ignore-cell[NB001]\na = 1  # TODO")).hasSize(1);
    }

    @Test
    void ignoreCellBelowTheFirstLineDoesNothing() {
        assertThat(run("a = 1\n# nb2prod: ignore-cell[NB099]\nb = 2  # TODO")).hasSize(1);
    }

    @Test
    void unknownCodesAreReportedAndSilenceNothing() {
        assertThat(run("x = 1  # TODO  # nb2prod: ignore[NB9999]")).containsExactly(
            "0:1:10 NB099 todo left: x = 1  # TODO  # nb2prod: ignore[NB9999]",
            "0:1:16 NB002 unknown rule code 'NB9999' in a suppression comment (see 'nb2prod rules')");
        assertThat(run("y = 2  # noqa: NB777")).containsExactly(
            "0:1:8 NB002 unknown rule code 'NB777' in a suppression comment (see 'nb2prod rules')");
        assertThat(run("# nb2prod: ignore-cell[NB5x]\ny = 2")).containsExactly(
            "0:1:1 NB002 unknown rule code 'NB5x' in a suppression comment (see 'nb2prod rules')");
    }

    @Test
    void suppressionsWorkInCellsThatDoNotParse() {
        assertThat(run("x = = 1")).hasSize(1).allMatch(f -> f.contains("NB001"));
        assertThat(run("x = = 1  # nb2prod: ignore[NB001]")).isEmpty();
    }
}
