package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the external inputs and outputs of a cell from the calls it makes (see {@link IoCatalog}). */
final class IoDetector {
    List<IoAccess> detect(Module module) {
        List<IoAccess> found = new ArrayList<>();
        for (Expr.Call call : AstWalker.find(module, Expr.Call.class)) {
            classify(call).ifPresent(direction ->
                found.add(new IoAccess(direction, Dotted.describe(call.func()), target(call), call.span())));
        }
        return found;
    }

    private Optional<IoAccess.Direction> classify(Expr.Call call) {
        String last = Dotted.lastPart(call.func());
        String dotted = Dotted.name(call.func()).orElse("");
        if (last.equals("open") && (dotted.equals("open") || dotted.equals("io.open") || dotted.equals("codecs.open"))) {
            return Optional.of(openMode(call).matches(".*[wax+].*") ? IoAccess.Direction.OUTPUT : IoAccess.Direction.INPUT);
        }
        if (IoCatalog.WRITE_QUALIFIED.contains(dotted) || IoCatalog.WRITE_METHODS.contains(last)
            || (IoCatalog.WRITE_WITH_DESTINATION.contains(last) && hasDestination(call))
            || (last.equals(IoCatalog.SAVE) && !dotted.equals("save") && hasDestination(call))) {
            return Optional.of(IoAccess.Direction.OUTPUT);
        }
        if (IoCatalog.READ_QUALIFIED.contains(dotted) || IoCatalog.READ_METHODS.contains(last)
            || (call.func() instanceof Expr.Attribute || call.func() instanceof Expr.Name)
                && IoCatalog.READ_PREFIXES.stream().anyMatch(last::startsWith) && isLibraryLoader(dotted)) {
            return Optional.of(IoAccess.Direction.INPUT);
        }
        return Optional.empty();
    }

    /** {@code load_iris()} / {@code datasets.fetch_openml()} / {@code sns.load_dataset()}, not {@code self.load_x()}. */
    private static boolean isLibraryLoader(String dotted) {
        String lower = dotted.toLowerCase(Locale.ROOT);
        return !dotted.isEmpty() && !lower.startsWith("self.")
            && (!dotted.contains(".") || lower.startsWith("datasets.") || lower.startsWith("sklearn.")
                || lower.startsWith("sns.") || lower.startsWith("seaborn.") || lower.startsWith("tfds."));
    }

    private static boolean hasDestination(Expr.Call call) {
        return call.args().stream().anyMatch(a -> a.kind() == Arg.Kind.POSITIONAL
            || (a.kind() == Arg.Kind.KEYWORD && (a.keyword().equals("path_or_buf") || a.keyword().equals("buf")
                || a.keyword().equals("filepath") || a.keyword().equals("path"))));
    }

    private static String openMode(Expr.Call call) {
        Expr mode = call.keyword("mode");
        if (mode == null) {
            List<Arg> positional = call.args().stream().filter(a -> a.kind() == Arg.Kind.POSITIONAL).toList();
            mode = positional.size() > 1 ? positional.get(1).value() : null;
        }
        return mode instanceof Expr.Str s ? s.value() : "r";
    }

    /** Keyword arguments that hold a credential, never a place: {@code connect(password=...)}. */
    private static final java.util.regex.Pattern CREDENTIAL_KEYWORD =
        java.util.regex.Pattern.compile("(?i).*(pass|pwd|secret|token|key|auth|credential).*");

    /**
     * The first argument when it is a literal string (a path, a URL, a table name), else empty; keyword arguments
     * that name a credential are skipped, so a password is never shown as where data comes from.
     */
    private static String target(Expr.Call call) {
        for (Arg arg : call.args()) {
            if (arg.kind() == Arg.Kind.KEYWORD && CREDENTIAL_KEYWORD.matcher(arg.keyword()).matches()) {
                continue;
            }
            if (arg.kind() == Arg.Kind.POSITIONAL || arg.kind() == Arg.Kind.KEYWORD) {
                return arg.value() instanceof Expr.Str s ? s.value() : "";
            }
        }
        return "";
    }
}
