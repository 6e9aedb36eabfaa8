package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Table-driven: names from notebook content to safe file names. */
class FileNamesTest {
    @ParameterizedTest(name = "file name of \"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        customers.csv             | customers.csv
        data/raw/customers.csv    | customers.csv
        ../../etc/passwd          | passwd
        /abs/path.csv             | path.csv
        C:\\data\\sales.xlsx      | sales.xlsx
        con.csv                   | con_.csv
        CON                       | CON_
        nul                       | nul_
        Aux.tar.gz                | Aux_.tar.gz
        com1.txt                  | com1_.txt
        COM9                      | COM9_
        lpt1.csv                  | lpt1_.csv
        com10.csv                 | com10.csv
        console.csv               | console.csv
        .env                      | _env
        .hidden.csv               | _hidden.csv
        -rf                       | _rf
        ..                        | data
        .                         | data
        ...                       | data
        ""                        | data
        data/                     | data
        sales..                   | sales
        ventas año.csv            | ventas_ano.csv
        日本語.csv                 | _.csv
        "a b\tc.csv"              | a_b_c.csv
        "x;rm -rf ~.csv"          | x_rm_-rf_.csv
        """)
    void names(String text, String expected) {
        String name = FileNames.of(text, "data");
        assertThat(name).isEqualTo(expected);
        assertThat(FileNames.isSafe(name)).as(name).isTrue();
    }

    @ParameterizedTest(name = "notebook copy of \"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        churn_analysis.ipynb          | churn_analysis.ipynb
        con.ipynb                     | con_.ipynb
        CON.IPYNB                     | CON_.ipynb
        nul.ipynb                     | nul_.ipynb
        1-My Notebook (final).ipynb   | 1-My_Notebook_final_.ipynb
        ñandú-análisis.ipynb          | nandu-analisis.ipynb
        __init__.ipynb                | _init_.ipynb
        -rf.ipynb                     | _rf.ipynb
        ..ipynb                       | notebook.ipynb
        日本語.ipynb                   | notebook.ipynb
        notes                         | notes.ipynb
        """)
    void notebookCopies(String fileName, String expected) {
        assertThat(FileNames.notebook(fileName)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"con", "CON", "con.txt", "Con.tar.gz", "prn", "aux", "NUL", "nul.ipynb", "com1", "com9.py",
        "lpt1", "LPT9.csv", "con .txt"})
    void reservedWindowsNames(String name) {
        assertThat(FileNames.isReserved(name)).isTrue();
        assertThat(FileNames.isSafe(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "-x", "x.", "a b", "a:b", "x\u0000", "é.csv"})
    void unsafeNames(String name) {
        assertThat(FileNames.isSafe(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"console", "com0", "com10", "lpt", "con_", "_con", "aux_.py", "nullable.csv"})
    void namesThatOnlyLookReserved(String name) {
        assertThat(FileNames.isReserved(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {".gitignore", ".env.example", ".gitkeep", "__init__.py", "pyproject.toml", "README.md",
        "config.yaml", "test_pipeline.py"})
    void theNamesThePackageUsesAreSafe(String name) {
        assertThat(FileNames.isSafe(name)).isTrue();
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = FileNames.of("x".repeat(300) + ".csv", "data");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.csv");
        assertThat(FileNames.notebook("y".repeat(300) + ".ipynb")).hasSize(FileNames.MAX_LENGTH).endsWith("y.ipynb");
    }
}
