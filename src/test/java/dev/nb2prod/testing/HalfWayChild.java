package dev.nb2prod.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that stops half way through a write so that a test can look at the disk and then terminate it: the
 * child's {@code main} calls {@link #announceAndBlock()} inside its write; the test calls {@link #run}.
 */
public final class HalfWayChild {
    private static final String SIGNAL = "half way";

    /** What the test checks while the child blocks half way. */
    @FunctionalInterface
    public interface Check {
        void atHalfWay() throws Exception;
    }

    private HalfWayChild() {}

    /** In the child: tells the parent it is half way, then blocks until it is terminated. */
    public static void announceAndBlock() {
        System.out.println(SIGNAL);
        System.out.flush();
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts {@code main} with {@code args} on this test's class path, waits until it is half way, runs
     * {@code check}, then terminates it with SIGTERM (so shutdown hooks run) and waits for it to end.
     */
    public static void run(Class<?> main, List<String> args, Check check) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
            main.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo(SIGNAL);
            check.atHalfWay();
            child.destroy();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (IOException e) {
            throw new AssertionError("the child JVM failed: " + e.getMessage(), e);
        } finally {
            child.destroyForcibly();
        }
    }
}
