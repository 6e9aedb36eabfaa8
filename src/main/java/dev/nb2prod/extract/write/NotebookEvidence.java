package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.Output;
import dev.nb2prod.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What the notebook showed of its results when it ran, from its saved outputs: the regression tests compare
 * run_pipeline on the same data with it. A displayed result is compared with the cell's one {@code text/plain}
 * output (the cell's value, or its one {@code display()}); a metric with the numbers the cell printed, when the cell
 * prints it. An item carries a reason to skip when the saved output cannot be trusted to come from the code as it
 * is: the cells ran out of order before it, or the notebook draws unseeded random numbers before it. A cell whose
 * output depends on the machine or the moment (a library version, the time, the environment) gives no evidence.
 */
public final class NotebookEvidence {
    /** Saved outputs longer than this are not used (a huge frame repr says little a snapshot does not). */
    static final int MAX_TEXT = 4000;
    /** Cells whose output depends on the machine or the moment, not on the data: no evidence. */
    static final Pattern ENVIRONMENT = Pattern.compile("__version__|\\bsys\\.(version|platform|path)|\\bplatform\\."
        + "|\\bos\\.(environ|getcwd|getpid|listdir|cpu_count)|\\.now\\(|\\btoday\\(|\\btime\\.(time|perf_counter)\\("
        + "|\\buuid\\d?\\(|\\bgetpass|\\bsocket\\.|\\bpsutil\\.|\\bglob\\("
        // what the installed libraries offer: formats, styles, settings
        + "|get_supported_filetypes|\\.available\\b|\\brcParams\\b|\\bget_option\\(");

    /**
     * One result the notebook showed.
     *
     * @param name the result's name in run_pipeline's dict
     * @param cell the cell, numbered from 1 as Jupyter shows it
     * @param printed true when the text is what the cell printed (a metric), false for the value it displayed
     * @param text the saved output
     * @param skip why the comparison cannot be trusted, or empty
     */
    public record Item(String name, int cell, boolean printed, String text, String skip) {}

    private NotebookEvidence() {}

    public static List<Item> of(Notebook notebook, ExtractionPlan plan, List<Finding> findings) {
        List<Item> items = new ArrayList<>();
        for (PlanResult result : plan.results()) {
            if (result.kind() != ResultKind.DISPLAYED && result.kind() != ResultKind.METRIC) {
                continue;
            }
            Optional<CodeCell> cell = codeCell(notebook, result.cell());
            if (cell.isEmpty() || cell.get().executionCount().isEmpty()
                || ENVIRONMENT.matcher(cell.get().source().text()).find()) {
                continue;
            }
            Optional<String> text = result.kind() == ResultKind.DISPLAYED
                ? shown(cell.get(), plan, result) : printed(cell.get(), result);
            if (text.isEmpty() || text.get().length() > MAX_TEXT || text.get().isBlank()
                || text.get().contains(" at 0x")) {
                continue;
            }
            items.add(new Item(result.name(), result.cell() + 1, result.kind() == ResultKind.METRIC, text.get(),
                skipReason(notebook, findings, result.cell())));
        }
        return items;
    }

    private static Optional<CodeCell> codeCell(Notebook notebook, int index) {
        if (index < 0 || index >= notebook.cells().size()) {
            return Optional.empty();
        }
        Cell cell = notebook.cells().get(index);
        return cell instanceof CodeCell code ? Optional.of(code) : Optional.empty();
    }

    /** The cell's one text output besides images, when the cell has one displayed result. */
    private static Optional<String> shown(CodeCell cell, ExtractionPlan plan, PlanResult result) {
        long displayed = plan.results().stream()
            .filter(r -> r.cell() == result.cell() && r.kind() == ResultKind.DISPLAYED).count();
        if (displayed != 1) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (Output output : cell.outputs()) {
            Output.MimeBundle data = switch (output) {
                case Output.ExecuteResult r -> r.data();
                case Output.DisplayData d -> d.data();
                default -> null;
            };
            if (data != null && data.binarySizes().isEmpty() && data.get("text/plain").isPresent()) {
                texts.add(data.get("text/plain").get().text());
            }
        }
        return texts.size() == 1 ? Optional.of(texts.get(0)) : Optional.empty();
    }

    /** What the cell printed, when it prints the metric's variable (and raised nothing). */
    private static Optional<String> printed(CodeCell cell, PlanResult result) {
        if (result.source().isEmpty()) {
            return Optional.empty();
        }
        Pattern prints = Pattern.compile("print\\([^\\n]*\\b" + Pattern.quote(result.source()) + "\\b");
        if (!prints.matcher(cell.source().text()).find()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (Output output : cell.outputs()) {
            if (output instanceof Output.Error) {
                return Optional.empty();
            }
            if (output instanceof Output.Stream stream && stream.name().equals("stdout")) {
                out.append(stream.text().text());
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }

    private static String skipReason(Notebook notebook, List<Finding> findings, int cell) {
        OptionalInt unseeded = findings.stream().filter(f -> f.code().equals("NB604") && f.cellIndex() <= cell)
            .mapToInt(Finding::cellIndex).min();
        if (unseeded.isPresent()) {
            return "the notebook draws unseeded random numbers (cell " + (unseeded.getAsInt() + 1)
                + "), so its saved output cannot be reproduced exactly";
        }
        int last = Integer.MIN_VALUE;
        for (Cell c : notebook.cells().subList(0, cell + 1)) {
            if (c instanceof CodeCell code && code.executionCount().isPresent()) {
                int count = code.executionCount().get();
                if (count <= last) {
                    return "the notebook's cells ran out of order before cell " + (cell + 1)
                        + ", so its saved output may not come from the code as it reads";
                }
                last = count;
            }
        }
        return "";
    }
}
