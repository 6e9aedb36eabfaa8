package dev.nb2prod.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SilentNanRuleTest {
    private final SilentNanRule rule = new SilentNanRule();

    @Test
    void coerceConversions() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "df['p'] = pd.to_numeric(df['p'], errors='coerce')\nd = pd.to_datetime(s, errors=\"coerce\")")))
            .containsExactly(
                "0:1:11 NB603 pd.to_numeric(..., errors='coerce') turns unparseable values into NaN silently: count and log them",
                "0:2:5 NB603 pd.to_datetime(..., errors='coerce') turns unparseable values into NaN silently: count and log them");
    }

    @Test
    void wholeFrameDropnaAndFillnaWhoseResultIsKept() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "df = df.dropna().reset_index(drop=True)", "df.dropna(inplace=True)", "df2 = df.fillna(0)")))
            .containsExactly(
                "0:1:6 NB603 df.dropna() drops every row with any missing value silently: log how many rows are lost, or pass subset=",
                "1:1:1 NB603 df.dropna() drops every row with any missing value silently: log how many rows are lost, or pass subset=",
                "2:1:7 NB603 df.fillna(...) fills the missing values of every column alike, silently: fill the columns "
                    + "that need it and log how many values were filled");
    }

    @Test
    void aLossShownJustBeforeIsNotSilent() {
        assertThat(RuleTester.run(rule, "print(df.isna().sum())", "df = df.dropna()")).isEmpty();
        assertThat(RuleTester.run(rule, "df.info()\ndf.dropna(inplace=True)")).isEmpty();
        // another frame's count, a count after the drop, or two cells above: still silent
        assertThat(RuleTester.run(rule, "print(raw.isna().sum())\ndf = df.dropna()")).hasSize(1);
        assertThat(RuleTester.run(rule, "df = df.dropna()\nprint(df.isna().sum())")).hasSize(1);
        assertThat(RuleTester.run(rule, "print(df.isna().sum())", "x = 1", "df = df.dropna()")).hasSize(1);
    }

    @Test
    void lookAlikesAreFine() {
        assertThat(RuleTester.run(rule,
            "df = df.dropna(subset=['price'])",
            "df = df.dropna(how='all')",
            "df['a'] = df['a'].fillna(0)",
            "df = df.fillna({'a': 0, 'b': ''})",
            "n = len(df.dropna())",
            "df.dropna()",
            "x = pd.to_numeric(s, errors='raise')",
            "x = pd.to_numeric(s)")).isEmpty();
    }
}
