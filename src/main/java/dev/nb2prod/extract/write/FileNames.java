package dev.nb2prod.extract.write;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File and folder names derived from notebook content (the notebook's own name, data file names): one path
 * component of letters, digits, {@code .}, {@code _} and {@code -}, never {@code .} or {@code ..}, never starting
 * with {@code -} (an option to the shell tools people run on the package), never ending with a dot, short enough
 * for every file system, and never a name Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9, in any case and
 * with any extension). {@link TreeWriter} refuses every path component that is not {@link #isSafe safe}.
 */
public final class FileNames {
    /** The longest name produced; file systems allow 255 bytes, and the package adds folders around it. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])");
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,16}$");

    private FileNames() {}

    /** A name Windows reserves for a device: the part before the first dot (trailing spaces ignored). */
    public static boolean isReserved(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return RESERVED.matcher(stem).matches();
    }

    /** Whether {@code name} is one safe path component (see the class comment). */
    public static boolean isSafe(String name) {
        return name.length() <= MAX_LENGTH && SAFE.matcher(name).matches() && !name.startsWith("-")
            && !name.endsWith(".") && !isReserved(name);
    }

    /**
     * A safe file name from free text, e.g. a path a notebook reads: its last component (after {@code /} or
     * {@code \}), accents removed, other characters replaced by {@code _}, a leading dot or dash replaced by
     * {@code _}, a reserved stem suffixed with {@code _} ({@code con.csv} becomes {@code con_.csv}), at most
     * {@link #MAX_LENGTH} characters keeping the extension; {@code fallback} when nothing is left.
     */
    public static String of(String text, String fallback) {
        String base = text.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        base = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("_{2,}", "_").replaceAll("\\.+$", "");
        if (base.chars().allMatch(c -> c == '.' || c == '_' || c == '-')) {
            return fallback;
        }
        if (base.startsWith(".") || base.startsWith("-")) {
            base = "_" + base.substring(1);
        }
        if (isReserved(base)) {
            int dot = base.indexOf('.');
            base = dot < 0 ? base + "_" : base.substring(0, dot) + "_" + base.substring(dot);
        }
        if (base.length() > MAX_LENGTH) {
            var extension = EXTENSION.matcher(base);
            String suffix = extension.find() ? extension.group() : "";
            base = base.substring(0, MAX_LENGTH - suffix.length()).replaceAll("[._-]+$", "") + suffix;
        }
        return isSafe(base) ? base : fallback;
    }

    /** The file name of the notebook's copy: safe, ending in {@code .ipynb}. */
    public static String notebook(String fileName) {
        String stem = fileName.toLowerCase(Locale.ROOT).endsWith(".ipynb")
            ? fileName.substring(0, fileName.length() - ".ipynb".length()) : fileName;
        String safe = of(stem, "notebook");
        if (safe.length() > MAX_LENGTH - ".ipynb".length()) {
            safe = safe.substring(0, MAX_LENGTH - ".ipynb".length()).replaceAll("[._-]+$", "");
        }
        return of(safe + ".ipynb", "notebook.ipynb");
    }
}
