package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which argument of an I/O call (see {@link IoCatalog}) names the file, table or URL it reads or writes: the
 * first positional argument or a path keyword ({@code filepath_or_buffer=}, {@code path=}, {@code fname=}...),
 * except for the writers that take the object first ({@code joblib.dump(model, path)}, {@code torch.save},
 * {@code pickle.dump}, {@code shutil.copy(src, dst)}: the second), and pathlib's {@code write_text} and friends,
 * whose path is their receiver ({@code p.write_text(s)}: {@code p}; {@code Path("a.txt").read_text()}: the literal).
 */
public final class PathArguments {
    /** Keywords that name the place an I/O call reads or writes. */
    public static final Set<String> PATH_KEYWORDS = Set.of(
        "path", "filepath", "filepath_or_buffer", "path_or_buf", "file", "filename", "fname", "io", "file_path", "fp");

    /** Writers whose first argument is the object written and whose second is the destination. */
    private static final Set<String> OBJECT_FIRST = Set.of(
        "joblib.dump", "pickle.dump", "json.dump", "yaml.dump", "yaml.safe_dump", "torch.save", "shutil.copy",
        "shutil.copy2", "shutil.copyfile", "shutil.move");

    /** Keywords of the destination of {@link #OBJECT_FIRST} writers, besides {@link #PATH_KEYWORDS}. */
    private static final Set<String> DESTINATION_KEYWORDS = Set.of("f", "dst");

    /** The constructors of pathlib paths: {@code Path("data/x.csv")}. */
    static final Set<String> PATH_CONSTRUCTORS = Set.of(
        "Path", "pathlib.Path", "PurePath", "pathlib.PurePath", "PosixPath", "WindowsPath");

    /** pathlib methods that read or write the file their receiver names. */
    private static final Set<String> RECEIVER_IS_PATH = Set.of("write_text", "write_bytes", "read_text", "read_bytes");

    private PathArguments() {}

    /** The argument of an I/O call that names the place it reads or writes, if the call has one. */
    public static Optional<Expr> of(Expr.Call call) {
        String last = Dotted.lastPart(call.func());
        if (RECEIVER_IS_PATH.contains(last) && call.func() instanceof Expr.Attribute receiver) {
            return switch (receiver.value()) {
                case Expr.Name n -> Optional.of(n);
                case Expr.Call c when PATH_CONSTRUCTORS.contains(Dotted.name(c.func()).orElse("")) && c.args().size() == 1
                    && c.args().get(0).kind() == Arg.Kind.POSITIONAL -> Optional.of(c.args().get(0).value());
                default -> Optional.of(receiver.value());
            };
        }
        boolean objectFirst = OBJECT_FIRST.contains(Dotted.name(call.func()).orElse(""));
        List<Arg> positional = call.args().stream().filter(a -> a.kind() == Arg.Kind.POSITIONAL).toList();
        int index = objectFirst ? 1 : 0;
        if (positional.size() > index && call.args().indexOf(positional.get(index)) < firstStar(call)) {
            return Optional.of(positional.get(index).value());
        }
        for (Arg arg : call.args()) {
            if (arg.kind() == Arg.Kind.KEYWORD && (PATH_KEYWORDS.contains(arg.keyword())
                || objectFirst && DESTINATION_KEYWORDS.contains(arg.keyword()))) {
                return Optional.of(arg.value());
            }
        }
        return Optional.empty();
    }

    /** The position of the first {@code *args} argument (after which positions are unknown), or the size. */
    private static int firstStar(Expr.Call call) {
        for (int i = 0; i < call.args().size(); i++) {
            if (call.args().get(i).kind() == Arg.Kind.STAR) {
                return i;
            }
        }
        return call.args().size();
    }
}
