package dev.nb2prod.extract.plan;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Adds keyword arguments to the calls of named functions in source text: {@code f(a)} → {@code f(a, df=df)}. */
final class CallArguments {
    private CallArguments() {}

    private record Insertion(int at, String text) {}

    /**
     * The text with {@code name=name} appended to every call {@code f(...)} of a function of {@code extra}, for each
     * name of its set the call does not pass yet.
     *
     * @param code {@code text} parsed (its spans locate the calls)
     */
    static String append(String text, Module code, Map<String, Set<String>> extra) {
        SourceMap map = new SourceMap(text);
        List<Insertion> insertions = new ArrayList<>();
        AstWalker.walk(code, n -> {
            if (n instanceof Expr.Call call && call.func() instanceof Expr.Name f && extra.containsKey(f.id())) {
                List<String> added = new ArrayList<>();
                for (String name : extra.get(f.id())) {
                    if (call.keyword(name) == null) {
                        added.add(name + "=" + name);
                    }
                }
                if (added.isEmpty()) {
                    return;
                }
                int close = map.end(call.span()) - 1;
                boolean empty = call.args().isEmpty();
                String before = text.substring(map.start(call.span()), close).stripTrailing();
                boolean comma = before.endsWith(",");
                insertions.add(new Insertion(close, (empty || comma ? "" : ", ") + String.join(", ", added)));
            }
        });
        insertions.sort(Comparator.comparingInt(Insertion::at).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Insertion i : insertions) {
            out.insert(i.at(), i.text());
        }
        return out.toString();
    }

    /** True when the call passes {@code keyword} by name. */
    static boolean passes(Expr.Call call, String keyword) {
        return call.args().stream().anyMatch(a -> a.kind() == Arg.Kind.KEYWORD && keyword.equals(a.keyword()));
    }
}
