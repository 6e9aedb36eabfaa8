package dev.nb2prod.python;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs recursive tree work so that real code with long operator chains or deep nesting does not overflow the
 * stack: on the caller's thread first, and again on a short-lived thread with a large stack when that overflows
 * (the stack memory is reserved, not committed).
 */
public final class BigStack {

    private static final long STACK_BYTES = dev.nb2prod.notebook.Limits.ANALYSIS_STACK_BYTES;

    private BigStack() {
    }

    /**
     * The result of {@code work}, or {@code onFailure} when the work throws, overflows even this stack, or the
     * caller is interrupted (the interrupt flag is restored).
     */
    public static <T> T call(String threadName, Supplier<T> work, Supplier<T> onFailure) {
        // Almost every cell fits the caller's stack: try there first, and pay for a thread only on overflow.
        try {
            T direct = work.get();
            return direct != null ? direct : onFailure.get();
        } catch (StackOverflowError e) {
            return onBigStack(threadName, work, onFailure);
        } catch (RuntimeException e) {
            return onFailure.get();
        }
    }

    private static <T> T onBigStack(String threadName, Supplier<T> work, Supplier<T> onFailure) {
        AtomicReference<T> result = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (RuntimeException | StackOverflowError e) {
                result.set(null);
            }
        }, threadName, STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onFailure.get();
        }
        T r = result.get();
        return r != null ? r : onFailure.get();
    }
}
