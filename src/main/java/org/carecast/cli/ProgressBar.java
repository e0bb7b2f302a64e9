package org.carecast.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * A one-line progress bar on standard error, shown only when a person is watching (a
 * terminal is attached), so that logs and pipes stay clean; or, when the command runs for the
 * web app, the replications done handed to its {@link ProgressListener} instead.
 */
final class ProgressBar implements IntConsumer {

    private final PrintStream err;
    private final int total;
    private final ProgressListener listener;
    private final long startNanos = System.nanoTime();
    private int shownPercent = -1;

    private ProgressBar(PrintStream err, int total, ProgressListener listener) {
        this.err = err;
        this.total = total;
        this.listener = listener;
    }

    /**
     * The progress of the command {@code spec} belongs to: to the listener the command line was
     * started with ({@link Main#execute(java.io.PrintWriter, java.io.PrintWriter, ProgressListener, String...)}),
     * else a bar on a terminal unless {@code quiet}.
     */
    static ProgressBar of(picocli.CommandLine.Model.CommandSpec spec, int total, boolean quiet) {
        if (spec.root().userObject() instanceof CarecastCommand root && root.listener != null) {
            root.listener.update(0, total);
            return new ProgressBar(null, total, root.listener);
        }
        boolean terminal = System.console() != null && !quiet;
        return new ProgressBar(terminal ? System.err : null, total, null);
    }

    @Override
    public synchronized void accept(int done) {
        if (listener != null) {
            listener.update(done, total);
            return;
        }
        if (err == null) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            int filled = percent / 5;
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            String left = done > 0 && done < total ? ", about " + clock(elapsed * (total - done) / done) + " left" : "";
            // Kept under 80 columns: [20 marks] 100% 1000000/1000000, 0:00:00 elapsed, about 0:00:00 left
            err.print("\r[" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + percent + "% " + done + "/" + total
                    + ", " + clock(elapsed) + " elapsed" + left + "   ");
            err.flush();
        }
    }

    /** Seconds as m:ss, or h:mm:ss from an hour. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    synchronized void finish() {
        if (err != null) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }
}
