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

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (used by tests). */
    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine line = new CommandLine(new CarecastCommand());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ScenarioException se) {
                cmd.getErr().println("error: " + se.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof java.io.IOException io) {
                cmd.getErr().println("error: " + io.getMessage());
                return 1;
            }
            cmd.getErr().println("internal error: " + e + " (please report it with the scenario that caused it)");
            return 1;
        });
        return line.execute(args);
    }
}
