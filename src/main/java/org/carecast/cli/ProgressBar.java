package org.carecast.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * A one-line progress bar on standard error, shown only when a person is watching (a
 * terminal is attached), so that logs and pipes stay clean.
 */
final class ProgressBar implements IntConsumer {

    private final PrintStream err;
    private final int total;
    private int shownPercent = -1;

    private ProgressBar(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    static ProgressBar forTerminal(int total, boolean quiet) {
        boolean terminal = System.console() != null && !quiet;
        return new ProgressBar(terminal ? System.err : null, total);
    }

    @Override
    public synchronized void accept(int done) {
        if (err == null) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            int filled = percent / 5;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + percent + "% " + done + "/" + total + " replications");
            err.flush();
        }
    }

    synchronized void finish() {
        if (err != null) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
