package org.carecast.cli;

/**
 * Receives a command's progress when it runs for someone other than a terminal (the web app's
 * background jobs). Called from the simulation's worker threads.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * {@code done} of {@code total} units (replications, or replications of every case) are
     * finished. Throwing {@link java.util.concurrent.CancellationException} stops the command
     * before it writes anything.
     */
    void update(int done, int total);
}
