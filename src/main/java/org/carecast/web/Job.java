package org.carecast.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;

/**
 * One command run in the background for one user: its state, progress, console output and the
 * folder its results are written to. Thread-safe: the job's worker updates it while pages read it.
 */
public final class Job {

    /** Where a job is in its life. */
    public enum State {
        QUEUED("Waiting"), RUNNING("Running"), DONE("Finished"), FAILED("Failed"), CANCELLED("Cancelled");

        private final String words;

        State(String words) {
            this.words = words;
        }

        /** The state as the page says it. */
        public String words() {
            return words;
        }

        /** True once the job will not change again. */
        public boolean over() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    private final String id;
    private final String owner;
    private final String kind;
    private final String title;
    private final List<String> args;
    private final Path folder;
    private final Path results;
    private final Instant created = Instant.now();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private volatile State state = State.QUEUED;
    private volatile int done;
    private volatile int total;
    private volatile boolean cancelRequested;
    private volatile int exitCode = -1;
    private volatile Future<?> future;
    private Runnable afterwards = () -> { };

    Job(String id, String owner, String kind, String title, List<String> args, Path folder, Path results) {
        this.id = id;
        this.owner = owner;
        this.kind = kind;
        this.title = title;
        this.args = List.copyOf(args);
        this.folder = folder;
        this.results = results;
    }

    public String id() {
        return id;
    }

    /** The key of the user who started it. */
    String owner() {
        return owner;
    }

    /** run, compare, sensitivity or calibrate. */
    public String kind() {
        return kind;
    }

    /** What the job is, in words. */
    public String title() {
        return title;
    }

    /** The command line it runs, as {@code carecast ...} would take it (paths as on the server). */
    public String commandLine() {
        return "carecast " + String.join(" ", args);
    }

    List<String> args() {
        return args;
    }

    /** The job's own folder. */
    Path folder() {
        return folder;
    }

    /** The folder (or, for calibrate, the file) its results go to. */
    Path results() {
        return results;
    }

    public Instant created() {
        return created;
    }

    public State state() {
        return state;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    /** Percent done, 0 to 100. */
    public int percent() {
        int t = total;
        return state == State.DONE ? 100 : t <= 0 ? 0 : (int) (100L * done / t);
    }

    public int exitCode() {
        return exitCode;
    }

    /** What the command printed. */
    public String output() {
        synchronized (out) {
            return out.toString();
        }
    }

    /** What the command printed as errors. */
    public String errors() {
        synchronized (err) {
            return err.toString();
        }
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** Queues the job on {@code worker}; {@code afterwards} runs once when it ends, however it ends. */
    synchronized void start(java.util.concurrent.ExecutorService worker, CommandRunner runner, Runnable afterwards) {
        this.afterwards = afterwards;
        this.future = worker.submit(() -> run(runner));
    }

    /** Asks the job to stop: a waiting job never starts, a running one stops at its next replication. */
    synchronized void cancel() {
        cancelRequested = true;
        Future<?> f = future;
        if (state == State.QUEUED && f != null && f.cancel(false)) {
            state = State.CANCELLED;
            afterwards.run();
        }
    }

    private void run(CommandRunner runner) {
        try {
            if (cancelRequested) {
                state = State.CANCELLED;
                return;
            }
            state = State.RUNNING;
            PrintWriter o = new PrintWriter(new SynchronizedWriter(out), true);
            PrintWriter e = new PrintWriter(new SynchronizedWriter(err), true);
            int code;
            try {
                code = runner.run(o, e, (d, t) -> {
                    done = d;
                    total = t;
                    if (cancelRequested) {
                        throw new CancellationException("cancelled from the page");
                    }
                }, args.toArray(String[]::new));
            } catch (RuntimeException unexpected) {
                e.println("internal error: " + unexpected);
                code = 1;
            }
            o.flush();
            e.flush();
            exitCode = code;
            state = code == 0 ? State.DONE : cancelRequested ? State.CANCELLED : State.FAILED;
        } finally {
            afterwards.run();
        }
    }

    /** A writer whose text the page can read while the command writes it. */
    private static final class SynchronizedWriter extends java.io.Writer {
        private final StringWriter target;

        SynchronizedWriter(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            synchronized (target) {
                target.write(buf, off, len);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
