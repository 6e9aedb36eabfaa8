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

/**
 * Finds the external inputs and outputs of a cell from the calls it makes (see {@link IoCatalog}), and their
 * targets: the literal path argument, or the literal the variable given as path argument holds (see
 * {@link PathOrigins}).
 */
final class IoDetector {
    private final PathOrigins origins;

    IoDetector(PathOrigins origins) {
        this.origins = origins;
    }

    List<IoAccess> detect(int cell, Module module) {
        List<IoAccess> found = new ArrayList<>();
        for (Expr.Call call : AstWalker.find(module, Expr.Call.class)) {
            Optional<IoAccess.Direction> direction = classify(call);
            if (direction.isEmpty()) {
                continue;
            }
            String name = Dotted.describe(call.func());
            Optional<Expr> argument = PathArguments.of(call);
            Optional<PathOrigins.Resolved> resolved = argument.filter(a -> a instanceof Expr.Name)
                .filter(a -> !CREDENTIAL_KEYWORD.matcher(((Expr.Name) a).id()).matches())
                .flatMap(a -> origins.resolve(cell, module, call, (Expr.Name) a));
            found.add(resolved.isPresent()
                ? new IoAccess(direction.get(), name, resolved.get().value(), call.span(), Optional.of(resolved.get().origin()))
                : new IoAccess(direction.get(), name, target(call, argument), call.span()));
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
     * The path argument when it is a literal string; for calls without one (such as {@code connect(host=...)}), the
     * first argument when it is a literal string. Keyword arguments that name a credential are skipped, so a
     * password is never shown as where data comes from.
     */
    private static String target(Expr.Call call, Optional<Expr> pathArgument) {
        if (pathArgument.isPresent()) {
            return pathArgument.get() instanceof Expr.Str s ? s.value() : "";
        }
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
