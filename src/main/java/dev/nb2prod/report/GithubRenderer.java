package dev.nb2prod.report;

import dev.nb2prod.rules.Finding;

/**
 * GitHub Actions workflow commands, one per finding, which GitHub shows as annotations on the pull request:
 * {@code ::error file=PATH,line=FILELINE,col=COL,title=CODE::cell N:L:C: message}. The line is the line of the
 * .ipynb file; the column and the cell position are those inside the cell.
 */
public final class GithubRenderer {
    public String render(AssessReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : report.findings()) {
            String command = switch (finding.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            String where = switch (finding.where()) {
                case Finding.Where.Source s -> s.line() + ":" + s.column();
                case Finding.Where.Output o -> "output " + o.output() + ":" + o.line() + ":" + o.column();
            };
            out.append("::").append(command)
                .append(" file=").append(property(finding.path().replace('\\', '/')))
                .append(",line=").append(finding.fileLine())
                .append(",col=").append(finding.column())
                .append(",title=").append(property(finding.code()))
                .append("::").append(data(CellLabels.number(finding.cellIndex()) + ":" + where + ": " + finding.message()))
                .append('\n');
        }
        return out.toString();
    }

    /** The message of a workflow command: {@code %}, CR and LF escaped. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property of a workflow command: like {@link #data} plus {@code :} and {@code ,}. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
