package dev.nb2prod.rules.imports;

import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.RuleContext;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every identifier a notebook's code may read, anywhere (functions, magics, f-strings included). Generous on
 * purpose: the text of magics that are not parsed and of cells that do not parse counts word by word.
 */
final class UsedNames {
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private UsedNames() {}

    static Set<String> of(RuleContext context) {
        Set<String> used = new HashSet<>();
        for (CodeCell cell : context.notebook().codeCells()) {
            ParsedCell parsed = context.analyzed().parsedCells().get(cell.index());
            if (parsed instanceof ParsedCell.Parsed p) {
                AstWalker.walk(p.module(), n -> {
                    switch (n) {
                        case Expr.Name name -> used.add(name.id());
                        case Expr.Magic m when m.parsedArgs() == null -> words(m.argsText(), used);
                        case Stmt.CellMagic m when m.parsedBody() == null -> {
                            words(m.argsText(), used);
                            words(m.bodyText(), used);
                        }
                        case Stmt.CellMagic m -> words(m.argsText(), used);
                        case Stmt.ObjectInfo o -> words(o.text(), used);
                        case Stmt.Global g -> used.addAll(g.names());
                        case Stmt.Nonlocal g -> used.addAll(g.names());
                        default -> { }
                    }
                });
            } else if (parsed instanceof ParsedCell.Failed) {
                words(cell.source().text(), used);
            }
        }
        return used;
    }

    private static void words(String text, Set<String> out) {
        if (text == null) {
            return;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
    }
}
