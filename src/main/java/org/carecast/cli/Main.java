package org.carecast.cli;

import org.carecast.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Entry point of the {@code carecast} command. Input errors (a bad scenario, a missing file)
 * print one message and exit with status 2; they never show a stack trace.
 */
public final class Main {

    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;

    /** Exit status of a command stopped by its {@link ProgressListener} (as a shell's for an interrupt). */
    public static final int CANCELLED = 130;

    private static final String OUT_OF_MEMORY = "error: Java ran out of memory; give it more (for example"
            + " JAVA_OPTS=-Xmx8g), use fewer --threads, or run a smaller scenario";

    private Main() {
    }

    public static void main(String[] args) {
        QuickStart.commandLine(args);
        System.exit(execute(args));
    }

    /** Runs the command line on the standard streams and returns the exit status. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams (used by tests) and returns the exit status. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return execute(out, err, null, args);
    }

    /**
     * As {@link #execute(java.io.PrintWriter, java.io.PrintWriter, String...)}, the progress of
     * the simulation handed to {@code progress} (which may stop the command by throwing
     * {@link java.util.concurrent.CancellationException}: exit status {@link #CANCELLED}).
     */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, ProgressListener progress, String... args) {
        System.setProperty("java.awt.headless", "true");
        CarecastCommand top = new CarecastCommand();
        top.listener = progress;
        CommandLine line = CarecastCommand.commandLine(top, args);
        line.setOut(out);
        line.setErr(err);
        // A wrong option gets one line and where to look, not the whole usage text.
        line.setParameterExceptionHandler((e, arguments) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage().replace(System.lineSeparator(), " ").trim());
            cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return BAD_INPUT;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ScenarioException se) {
                cmd.getErr().println("error: " + se.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof org.carecast.ssda903.Ssda903Exception se) {
                cmd.getErr().println("error: " + se.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof org.carecast.report.OutputLocationException where) {
                cmd.getErr().println("error: " + where.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof java.io.IOException io) {
                // Files that vanish or cannot be read or written: the user's environment, not a bug.
                cmd.getErr().println("error: " + (io.getMessage() == null ? io.toString() : io.getMessage()));
                return BAD_INPUT;
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof java.util.concurrent.CancellationException) {
                    cmd.getErr().println("cancelled: nothing was written");
                    return CANCELLED;
                }
                if (c instanceof OutOfMemoryError) {
                    cmd.getErr().println(OUT_OF_MEMORY);
                    return 1;
                }
            }
            cmd.getErr().println("internal error: " + e + " (please report it with the scenario that caused it)");
            return 1;
        });
        try {
            return line.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(OUT_OF_MEMORY);
            err.flush();
            return 1;
        }
    }
}
