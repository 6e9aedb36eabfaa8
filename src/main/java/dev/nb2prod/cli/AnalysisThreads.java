package dev.nb2prod.cli;

import dev.nb2prod.notebook.Limits;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads with a large stack ({@link Limits#ANALYSIS_STACK_BYTES}, reserved rather than committed) for reading,
 * parsing, analysing and extracting notebooks: the graph, the rules and the extractor walk syntax trees
 * recursively, and a cell up to {@link Limits#MAX_SYNTAX_DEPTH} deep must not overflow an ordinary stack.
 */
final class AnalysisThreads {
    private AnalysisThreads() {}

    /** A factory of such threads, named {@code nb2prod-analysis-N}. */
    static ThreadFactory factory() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(null, work, "nb2prod-analysis-" + count.incrementAndGet(),
                Limits.ANALYSIS_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs {@code work} on one such thread and returns its result; what it throws is thrown here (an unchecked
     * exception or an error as itself, a checked exception wrapped).
     */
    static <T> T call(Callable<T> work) throws InterruptedException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = factory().newThread(task);
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** The cause of a failed task, to throw in the caller's thread as it was thrown in the task. */
    static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(cause);
    }
}
