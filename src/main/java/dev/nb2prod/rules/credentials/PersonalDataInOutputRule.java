package dev.nb2prod.rules.credentials;

import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.rules.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NB403: personal data (e-mail addresses, international phone numbers, IBANs) in a saved output. One finding
 * per output, with the counts, so a displayed customer table gives one finding and not a hundred.
 */
public final class PersonalDataInOutputRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB403", "personal-data-in-output", Family.CREDENTIALS,
        Severity.WARNING,
        "A saved cell output shows personal data: e-mail addresses, phone numbers or IBANs.",
        """
        `df.head()` on a customer table saves real people's contact details in the notebook, which is then
        committed, shared and rendered far from the database and its access controls (a GDPR personal-data
        breach waiting to happen). The production code does not need the outputs; the repository should not
        have them.
        """,
        """
        customers = pd.read_sql("select * from customers", conn)
        customers.head()
        """,
        """
        customers = pd.read_sql("select * from customers", conn)
        customers.drop(columns=["email", "phone"]).head()
        """,
        """
        `nb2prod extract` never copies outputs. In the notebook, clear the output or display the data without
        the personal columns (or with them masked).
        """);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (CodeCell cell : context.notebook().codeCells()) {
            for (int o = 0; o < cell.outputs().size(); o++) {
                checkOutput(context, cell.index(), o, cell.outputs().get(o).texts());
            }
        }
    }

    private static void checkOutput(RuleContext context, int cellIndex, int outputIndex, List<SourceText> texts) {
        Map<PersonalData.Kind, Set<String>> distinct = new EnumMap<>(PersonalData.Kind.class);
        PersonalData.Item first = null;
        SourceText firstText = null;
        String firstClean = null;
        for (SourceText text : texts) {
            String clean = Texts.withoutAnsi(text.text());
            for (PersonalData.Item item : PersonalData.find(clean)) {
                distinct.computeIfAbsent(item.kind(), k -> new LinkedHashSet<>()).add(item.value());
                if (first == null) {
                    first = item;
                    firstText = text;
                    firstClean = clean;
                }
            }
        }
        if (first == null) {
            return;
        }
        List<String> counts = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (Map.Entry<PersonalData.Kind, Set<String>> entry : distinct.entrySet()) {
            int n = entry.getValue().size();
            counts.add(n + " " + (n == 1 ? entry.getKey().singular : entry.getKey().plural));
            entry.getValue().forEach(v -> key.append(v).append('\n'));
        }
        String list = counts.size() == 1 ? counts.get(0)
            : String.join(", ", counts.subList(0, counts.size() - 1)) + " and " + counts.get(counts.size() - 1);
        Texts.Position at = Texts.position(firstClean, first.start());
        context.reportOutput(cellIndex, outputIndex, firstText, at.line(), at.column() + 1,
            list + " in output " + (outputIndex + 1) + " (first: " + first.shown() + ")",
            Secrets.hash(key.toString()));
    }
}
