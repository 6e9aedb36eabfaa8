package dev.nb2prod.python.names;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names a notebook cell can read without any cell defining them: Python builtins (Python 3.11 list plus
 * Python 2 ones and {@code __builtins__}) and the names IPython injects into the user namespace. The one place
 * these lists live.
 */
public final class KnownNames {

    /** {@code dir(builtins)} of Python 3.11, plus {@code __builtins__}. */
    public static final Set<String> PYTHON3_BUILTINS = Set.of(("ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError __build_class__ __debug__ __doc__ __import__ __loader__ __name__ __package__ __spec__ abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __builtins__").split(" "));

    /** Builtins of Python 2 that Python 3 removed. */
    public static final Set<String> PYTHON2_BUILTINS = Set.of("unicode", "xrange", "raw_input", "basestring", "long",
            "reduce", "file", "execfile", "unichr", "cmp", "reload", "apply", "buffer", "coerce", "intern",
            "StandardError");

    /** Names IPython puts in the user namespace (the numbered {@code _N}, {@code _iN} are matched separately). */
    public static final Set<String> IPYTHON_INJECTED = Set.of("display", "get_ipython", "In", "Out", "exit", "quit",
            "_", "__", "___", "_i", "_ii", "_iii", "_ih", "_oh", "_dh");

    private static final Pattern IPYTHON_NUMBERED = Pattern.compile("_i?\\d+");

    private KnownNames() {
    }

    public static boolean isBuiltin(String name) {
        return PYTHON3_BUILTINS.contains(name) || PYTHON2_BUILTINS.contains(name);
    }

    public static boolean isIPythonInjected(String name) {
        return IPYTHON_INJECTED.contains(name) || IPYTHON_NUMBERED.matcher(name).matches();
    }

    /** True when reading {@code name} never depends on another cell. */
    public static boolean isPredefined(String name) {
        return isBuiltin(name) || isIPythonInjected(name);
    }
}
