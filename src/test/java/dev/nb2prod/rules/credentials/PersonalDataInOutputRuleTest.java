package dev.nb2prod.rules.credentials;

import static dev.nb2prod.testing.RuleTester.describe;
import static dev.nb2prod.testing.RuleTester.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.notebook.Output;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataInOutputRuleTest {
    private final PersonalDataInOutputRule rule = new PersonalDataInOutputRule();

    private List<Finding> runOutputs(Output... outputs) {
        return run(rule, TestNotebooks.builder().codeWithOutputs("df.head()", outputs).build());
    }

    @Test
    void emailsInADataFrameAreOneFindingWithTheCount() {
        String plain = """
               customer_id              contact_email
            0         1001  vera.lang@example.com
            1         1002  j.smith@mailbox.org
            2         1003  vera.lang@example.com
            3         1004  okafor@uni-koeln.de
            """;
        String html = "<td>vera.lang@example.com</td><td>j.smith@mailbox.org</td><td>okafor@uni-koeln.de</td>";
        List<Finding> findings = runOutputs(TestNotebooks.result(plain, html));
        assertThat(describe(findings)).containsExactly(
            "0:1:1 NB403 3 email addresses in output 1 (first: vera*****@example.com)");
        assertThat(findings.get(0).where()).isIn(new Finding.Where.Output(1, 2, 17), new Finding.Where.Output(1, 1, 5));
    }

    @Test
    void phonesAndIbansAreCountedByKind() {
        String text = "name: Vera Lang, phone: +49 30 1234 5678, iban: DE89 3704 0044 0532 0130 00\n"
            + "name: Jo Smith, phone: +44 20 7946 0958, email: jo@smith-family.net\n";
        assertThat(describe(runOutputs(TestNotebooks.stdout("nothing here\n"), TestNotebooks.stdout(text))))
            .containsExactly(
                "0:1:1 NB403 1 email address, 2 phone numbers and 1 IBAN in output 2 (first: +49 ********)");
    }

    @Test
    void ibansMustPassTheirChecksum() {
        assertThat(runOutputs(TestNotebooks.stdout("DE89 3704 0044 0532 0130 01\n"))).isEmpty();
        assertThat(describe(runOutputs(TestNotebooks.stdout("GB82WEST12345698765432\n"))))
            .containsExactly("0:1:1 NB403 1 IBAN in output 1 (first: GB82********)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Author: noreply@github.com\n",
        "From: 12345+octocat@users.noreply.github.com\n",
        "git@github.com:user/repo.git\n",
        "<img src='logo@2x.png'>\n",
        "y = X@self.weights\n",
        "email: \"a@b.com\"\n",
        "numpy@1.26.4\n",
        "@media screen and (max-width: 600px)\n",
        "1.5e+10 2.3e+11\n",
        "+12 -3 lines changed\n",
        "mean +0.123456789\n",
        "total: +1234567.89\n",
        "id AB12 3456 7890 1234 5678\n",
        "To unsubscribe, write to pydata+unsubscribe@googlegroups.com\n",
        "send 'help' to scikit-learn-request@python.org\n",
        "unsubscribe@lists.example.org\n",
    })
    void lookAlikes(String text) {
        assertThat(runOutputs(TestNotebooks.stdout(text))).isEmpty();
    }

    @Test
    void codeIsNotChecked() {
        assertThat(run(rule, "__author__ = 'vera.lang@example.com'  # +49 30 1234 5678")).isEmpty();
    }
}
