package dev.nb2prod.python;

import java.util.ArrayList;
import java.util.List;

/**
 * IPython's translations of the auto-call escapes at the start of a logical line ({@code IPython.core.
 * inputtransformer2}: {@code _tr_quote}, {@code _tr_quote2}, {@code _tr_paren}), character for character:
 * the content after the escape is split at its first space into a name and its arguments, and
 * <ul>
 *   <li>{@code ,f a b} becomes {@code f("a", "b")} (arguments split on whitespace, each quoted),</li>
 *   <li>{@code ;f a b} becomes {@code f("a b")} (the arguments quoted as one string, as written),</li>
 *   <li>{@code /f a b} becomes {@code f(a, b)} (arguments split on whitespace, joined with commas).</li>
 * </ul>
 * A lone {@code ;} or {@code ,} becomes {@code ("")}, a lone {@code /} {@code ()}. The name and the arguments keep
 * their source offsets; the inserted parentheses, quotes and commas stand for the space or the line end they replace.
 * A quoted argument is one replacement of the source, quotes included: where the AST puts its string literal.
 */
final class EscapeCall {

    private EscapeCall() {
    }

    /** The escape at {@code index} of a line, or 0: {@code , ; / ? % !} (not {@code // /= %= !=}). */
    static char escapeAt(CharSequence line, int index) {
        if (index >= line.length()) {
            return 0;
        }
        char c = line.charAt(index);
        char next = index + 1 < line.length() ? line.charAt(index + 1) : 0;
        return switch (c) {
            case ',', ';', '?' -> c;
            case '/' -> next == '/' || next == '=' ? 0 : c;
            case '%', '!' -> next == '=' ? 0 : c;
            default -> 0;
        };
    }

    static boolean isAutoCall(char escape) {
        return escape == ',' || escape == ';' || escape == '/';
    }

    /**
     * The call IPython makes of {@code content} (the logical line after the escape, continuations joined, trailing
     * whitespace removed). {@code escapeOrigin} is the source offset of the escape character.
     */
    static MappedText call(char escape, MappedText content, int escapeOrigin) {
        String text = content.text();
        int space = text.indexOf(' ');
        int end = content.length() == 0 ? escapeOrigin + 1 : content.endOriginAt(content.length());
        MappedText name = space < 0 ? content : content.slice(0, space);
        MappedText args = space < 0 ? new MappedText() : content.slice(space + 1, content.length());
        // a lone escape: the whole call stands for the escape character
        int open = space >= 0 ? content.originAt(space) : content.length() == 0 ? escapeOrigin : end;
        int argsStart = args.length() > 0 ? args.originAt(0) : content.length() == 0 ? escapeOrigin : end;
        MappedText out = new MappedText().append(name).insert("(", open);
        switch (escape) {
            case ';' -> out.mark(argsStart).insert("\"", argsStart).appendReplacing(args).insert("\"", end).mark(end)
                    .insert(")", end);
            case ',' -> out.append(quotedWords(words(args), argsStart, end)).insert(")", end);
            case '/' -> out.append(join(words(args))).insert(")", end);
            default -> throw new IllegalArgumentException("not an auto-call escape: " + escape);
        }
        return out;
    }

    /** {@code args.split()}: the maximal runs of non-whitespace. */
    private static List<MappedText> words(MappedText args) {
        List<MappedText> out = new ArrayList<>();
        int n = args.length();
        int i = 0;
        while (i < n) {
            while (i < n && PythonWhitespace.isSpace(args.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !PythonWhitespace.isSpace(args.charAt(i))) {
                i++;
            }
            if (start < i) {
                out.add(args.slice(start, i));
            }
        }
        return out;
    }

    /** {@code ", ".join(words)}: each comma stands for the source just after the word before it. */
    private static MappedText join(List<MappedText> words) {
        MappedText out = new MappedText();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                out.insert(", ", endOf(words.get(i - 1)));
            }
            out.append(words.get(i));
        }
        return out;
    }

    /** {@code '"%s"' % '", "'.join(words)}, each quoted word standing for the word. */
    private static MappedText quotedWords(List<MappedText> words, int start, int end) {
        MappedText out = new MappedText();
        if (words.isEmpty()) {
            return out.mark(start).insert("\"", start).insert("\"", end).mark(end);
        }
        for (int i = 0; i < words.size(); i++) {
            MappedText word = words.get(i);
            if (i > 0) {
                out.insert(", ", endOf(words.get(i - 1)));
            }
            out.mark(word.originAt(0)).insert("\"", word.originAt(0)).appendReplacing(word)
                    .insert("\"", endOf(word)).mark(endOf(word));
        }
        return out;
    }

    private static int endOf(MappedText word) {
        return word.endOriginAt(word.length());
    }
}
