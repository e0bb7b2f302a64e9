package org.carecast.web;

import java.io.PrintWriter;

/**
 * Runs one carecast command line in this JVM, as {@code carecast ARGS...} would in a shell: the
 * web app's jobs go through it so that they give the same files, numbers and messages.
 */
@FunctionalInterface
public interface CommandRunner {

    /** The progress of a running command: {@code done} of {@code total} replications. */
    @FunctionalInterface
    interface Progress {
        /** May throw {@link java.util.concurrent.CancellationException} to stop the command. */
        void update(int done, int total);
    }

    /** Runs the command and returns its exit status (0 success, 2 bad input, 130 cancelled). */
    int run(PrintWriter out, PrintWriter err, Progress progress, String... args);
}
