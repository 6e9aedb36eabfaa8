package dev.nb2prod.extract.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.credentials.PersonalData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvDataTest {
    @Test
    void recordsEndAtLineBreaksOutsideQuotes() {
        CsvText csv = CsvText.parse("a,b\r\n1,\"x\r\ny\"\r\n2,\"say \"\"hi\"\"\"\r\n", false);
        assertThat(csv.records()).containsExactly("a,b", "1,\"x\r\ny\"", "2,\"say \"\"hi\"\"\"");
        assertThat(csv.lineEnd()).isEqualTo("\r\n");
        assertThat(csv.finalLineEnd()).isTrue();
        assertThat(csv.fields(1)).containsExactly("1", "x\r\ny");
        assertThat(csv.fields(2)).containsExactly("2", "say \"hi\"");
        assertThat(csv.render(csv.records())).isEqualTo("a,b\r\n1,\"x\r\ny\"\r\n2,\"say \"\"hi\"\"\"\r\n");
    }

    @Test
    void delimiterIsSniffedFromTheHeader() {
        assertThat(CsvText.parse("a;b;c\n1;2,5;3\n", false).delimiter()).isEqualTo(';');
        assertThat(CsvText.parse("a\tb\n1\t2\n", false).delimiter()).isEqualTo('\t');
        assertThat(CsvText.parse("a,b\n1,2", false).delimiter()).isEqualTo(',');
        assertThat(CsvText.parse("a,b\n1,2", false).finalLineEnd()).isFalse();
    }

    @Test
    void joinQuotesOnlyWhatNeedsIt() {
        assertThat(CsvText.join(List.of("a", "b,c", "say \"x\""), ',')).isEqualTo("a,\"b,c\",\"say \"\"x\"\"\"");
    }

    @Test
    void tableSkipsATitleLineAndBlankRecords() {
        DataTable table = DataTable.of(CsvText.parse("Sales report 2024\nregion,amount\nN,1\n\nS,2\n", false));
        assertThat(table.header()).isEqualTo(1);
        assertThat(table.columns()).containsExactly("region", "amount");
        assertThat(table.data()).containsExactly(2, 4);
    }

    @Test
    void smallFileWithoutPersonalDataIsCopiedExactly() {
        String text = "x,y\n1,2\n3,4\n";
        DataTable table = DataTable.of(CsvText.parse(text, false));
        FixtureData data = FixtureData.of(text, table, 200, Optional.empty());
        assertThat(data.text()).isSameAs(text);
        assertThat(data.rows()).isEqualTo(2);
    }

    @Test
    void bigFileIsSampledEvenlyAndDeterministically() {
        String text = rows(1000, i -> i + "," + (i % 7));
        DataTable table = DataTable.of(CsvText.parse(text, false));
        FixtureData once = FixtureData.of(text, table, 100, Optional.empty());
        FixtureData twice = FixtureData.of(text, table, 100, Optional.empty());
        assertThat(once.text()).isEqualTo(twice.text());
        List<String> lines = once.text().lines().toList();
        assertThat(lines).hasSize(101).startsWith("id,group", "0,0", "10,3");
        assertThat(lines.get(100)).isEqualTo("990,3");
    }

    @Test
    void stratifiedSampleKeepsEveryClassWithAtLeastTenRows() {
        // 990 negatives, 10 positives: an even sample of 100 would keep one positive
        String text = rows(1000, i -> i + "," + (i % 100 == 7 ? "yes" : "no"));
        DataTable table = DataTable.of(CsvText.parse(text, false));
        FixtureData data = FixtureData.of(text, table, 100, Optional.of("group"));
        List<String> lines = data.text().lines().skip(1).toList();
        assertThat(lines).hasSize(100);
        assertThat(lines.stream().filter(l -> l.endsWith(",yes"))).hasSize(10);
        assertThat(data.stratifiedOn()).contains("group");
        List<Integer> ids = lines.stream().map(l -> Integer.parseInt(l.split(",")[0])).toList();
        assertThat(ids).isSorted();
    }

    @Test
    void personalColumnsAreMaskedKeepingWhichValuesAreEqual() {
        String text = "id,email,phone,score\n1,ann@corp.de,+49 30 1234567,3\n2,bob@corp.de,+49 30 7654321,4\n"
            + "3,ann@corp.de,,5\n";
        DataTable table = DataTable.of(CsvText.parse(text, false));
        FixtureData data = FixtureData.of(text, table, 200, Optional.empty());
        assertThat(data.masked()).containsExactly("email", "phone");
        assertThat(data.text()).isEqualTo("id,email,phone,score\n1,person1@example.com,+1 555 0001,3\n"
            + "2,person2@example.com,+1 555 0002,4\n3,person1@example.com,,5\n");
    }

    @Test
    void columnsAreNotPersonalByAccident() {
        assertThat(PersonalColumns.kind("amount", List.of("1", "2", "3"))).isEmpty();
        assertThat(PersonalColumns.kind("notes", List.of("call me", "write to a@b.com later", "ok", "fine")))
            .isEmpty();
        assertThat(PersonalColumns.kind("contact", List.of("a@corp.com", "b@corp.com", ""))).contains(
            PersonalData.Kind.EMAIL);
        assertThat(PersonalColumns.kind("Mobile_Number", List.of("12", "13"))).contains(PersonalData.Kind.PHONE);
    }

    @Test
    void profileHasDecilesShareAndNullRates() {
        String text = rows(100, i -> i + "," + (i % 2 == 0 ? "a" : "b") + "," + (i < 10 ? "NA" : "x" + i));
        DataProfile profile = DataProfile.of("f.csv", DataTable.of(CsvText.parse(text.replace("id,group",
            "id,group,note"), false)));
        ColumnProfile.Numeric id = (ColumnProfile.Numeric) profile.columns().get("id");
        assertThat(id.edges()).hasSize(11).startsWith(0.0, 9.9).endsWith(99.0);
        assertThat(id.proportions()).containsOnly(0.1);
        assertThat(id.unique()).isTrue();
        assertThat(id.integral()).isTrue();
        ColumnProfile.Categorical group = (ColumnProfile.Categorical) profile.columns().get("group");
        assertThat(group.frequencies()).containsEntry("a", 0.5).containsEntry("b", 0.5).hasSize(2);
        ColumnProfile note = profile.columns().get("note");
        assertThat(note).isInstanceOf(ColumnProfile.Text.class);
        assertThat(note.nullRate()).isEqualTo(0.1);
    }

    @Test
    void constantColumnHasOneBin() {
        ColumnProfile.Numeric numeric = (ColumnProfile.Numeric) DataProfile.column(List.of("5", "5", "5"), false);
        assertThat(numeric.edges()).containsExactly(5.0, 5.0);
        assertThat(numeric.proportions()).containsExactly(1.0);
    }

    @Test
    void codeColumnsAndTarget() {
        List<String> header = List.of("customer_id", "region", "churned", "age");
        List<String> bodies = List.of("df = df.drop(columns=['customer_id'])\nX = df.drop('churned', axis=1)\n"
            + "y = df['churned']\nprint(df.age.mean())\n");
        assertThat(CodeColumns.used(bodies, header)).containsExactly("customer_id", "churned", "age");
        assertThat(CodeColumns.target(bodies, header)).contains("churned");
        assertThat(CodeColumns.target(List.of("y = df.region\n"), header)).contains("region");
        assertThat(CodeColumns.target(List.of("target = 'age'\n"), header)).contains("age");
        assertThat(CodeColumns.target(List.of("print(df['region'])\n"), header)).isEmpty();
    }

    private static String rows(int n, java.util.function.IntFunction<String> row) {
        List<String> lines = new ArrayList<>(List.of("id,group"));
        for (int i = 0; i < n; i++) {
            lines.add(row.apply(i));
        }
        return String.join("\n", lines) + "\n";
    }
}
