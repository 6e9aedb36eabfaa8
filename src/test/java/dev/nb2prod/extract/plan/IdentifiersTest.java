package dev.nb2prod.extract.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven: free text and notebook names to Python identifiers and package names. */
class IdentifiersTest {
    private static final Set<String> IMPORTED = Set.of("pandas", "sklearn", "mylib");

    @ParameterizedTest(name = "package of \"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        churn_analysis            | churn_analysis
        Churn Analysis            | churn_analysis
        con                       | con_pkg
        CON                       | con_pkg
        nul                       | nul_pkg
        Aux                       | aux_pkg
        com1                      | com1_pkg
        lpt9                      | lpt9_pkg
        com10                     | com10
        class                     | class_pkg
        import                    | import_pkg
        async                     | async_pkg
        match                     | match_pkg
        print                     | print_pkg
        exec                      | exec_pkg
        1-My Notebook (final)     | n1_my_notebook_final
        ñandú-análisis            | nandu_analisis
        __init__                  | init
        test                      | test_pkg
        tests                     | tests_pkg
        test_pipeline             | test_pipeline_pkg
        test_training             | test_training_pkg
        conftest                  | conftest_pkg
        -rf                       | rf
        .                         | pipeline
        ../..                     | pipeline
        ""                        | pipeline
        日本語                     | pipeline
        pandas                    | pandas_pkg
        mylib                     | mylib_pkg
        os                        | os_pkg
        sys                       | sys_pkg
        json                      | json_pkg
        yaml                      | yaml_pkg
        pytest                    | pytest_pkg
        dagster                   | dagster_pkg
        config                    | config_pkg
        pipeline                  | pipeline
        src                       | src_pkg
        /etc/passwd               | etc_passwd
        C:\\Windows\\x            | c_windows_x
        """)
    void packageNames(String text, String expected) {
        String name = Identifiers.packageName(text, IMPORTED);
        assertThat(name).isEqualTo(expected);
        assertThat(Identifiers.isIdentifier(name)).isTrue();
    }

    @ParameterizedTest(name = "identifier of \"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        threshold                 | threshold
        café                      | cafe
        naïve_rate                | naive_rate
        class                     | class_
        print                     | print_
        exec                      | exec_
        async                     | async_
        await                     | await_
        match                     | match_
        case                      | case_
        type                      | type_
        list                      | list_
        None                      | None_
        1st step                  | n1st_step
        ../../etc/passwd          | etc_passwd
        /tmp/x                    | tmp_x
        CON                       | CON
        日本語                     | fallback
        ""                        | fallback
        ___                       | fallback
        """)
    void identifiers(String text, String expected) {
        assertThat(Identifiers.sanitize(text, "fallback")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        x                          | true
        _private                   | true
        café                       | false
        class                      | false
        async                      | false
        1x                         | false
        a-b                        | false
        a.b                        | false
        """)
    void isIdentifierMeansASCIIAndNotAKeyword(String name, boolean expected) {
        assertThat(Identifiers.isIdentifier(name)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void longNamesAreCutAtTheLimitAndStayValid() {
        String word = "x".repeat(300);
        assertThat(Identifiers.sanitize(word, "f")).hasSize(Identifiers.MAX_LENGTH);
        assertThat(Identifiers.packageName("a " + "b".repeat(300), Set.of())).hasSizeLessThanOrEqualTo(Identifiers.MAX_LENGTH)
            .startsWith("a_b");
        assertThat(Identifiers.sanitize("ab_".repeat(40), "f")).doesNotEndWith("_").hasSizeLessThanOrEqualTo(60);
        assertThat(Identifiers.sanitize("9" + "x".repeat(300), "f")).startsWith("n9").hasSize(Identifiers.MAX_LENGTH);
    }

    @org.junit.jupiter.api.Test
    void aFallbackThatIsItselfUnusableBecomesValue() {
        assertThat(Identifiers.sanitize("!!!", "???")).isEqualTo("value");
        assertThat(Identifiers.sanitize("", "class")).isEqualTo("class_");
    }
}
