package dev.nb2prod.verify;

import java.time.Duration;

/**
 * How to verify.
 *
 * @param python the interpreter, a path or a command found on the PATH (default {@code python3})
 * @param timeout the longest each step (running the notebook, the package, the comparison) may take
 * @param tolerance the relative tolerance for floating-point values
 */
public record VerifyOptions(String python, Duration timeout, double tolerance) {
    public static final String DEFAULT_PYTHON = "python3";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    public static final double DEFAULT_TOLERANCE = 1e-6;

    public VerifyOptions {
        if (python == null || python.isBlank()) {
            throw new IllegalArgumentException("no interpreter given");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be a number >= 0");
        }
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(DEFAULT_PYTHON, DEFAULT_TIMEOUT, DEFAULT_TOLERANCE);
    }

    public VerifyOptions withPython(String value) {
        return new VerifyOptions(value, timeout, tolerance);
    }

    public VerifyOptions withTimeout(Duration value) {
        return new VerifyOptions(python, value, tolerance);
    }

    public VerifyOptions withTolerance(double value) {
        return new VerifyOptions(python, timeout, value);
    }
}
