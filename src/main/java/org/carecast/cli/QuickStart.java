package org.carecast.cli;

import org.carecast.model.Model;
import org.carecast.model.PopulationBound;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which of Java's compilers a command runs under. On two cores, a run of a few seconds (the
 * shipped baseline's 1,000 replications, a comparison of a few options) finishes about a third
 * sooner with the quick compiler alone ({@code -XX:TieredStopAtLevel=1}) than with the full,
 * optimising one, whose compiling competes with the simulation for the cores and does not pay
 * for itself; a longer run (England, a sensitivity sweep) finishes sooner with it. So the
 * launcher ({@code ./carecast}) starts Java with the quick compiler and {@value #PROPERTY} set,
 * and a command whose simulation is long starts itself again, before it writes anything, in a
 * Java with the full compiler: the same command line, the same numbers (they never depend on
 * the compiler), about 0.3 s more on a run of many seconds. Without the property ({@code java
 * -jar carecast.jar}, the tests) nothing is restarted.
 *
 * <p>"Long" is measured in child-months (the children a scenario can have in care at once,
 * {@link PopulationBound}, times its months, times the replications, for every model run):
 * the break-even measured on this project's 2-core machines was between 5 and 12 x 10^8
 * (benchmarks/README.md, "seventh session").
 */
final class QuickStart {

    /** Set (to true) by the launcher alongside {@link #QUICK_COMPILER}. */
    static final String PROPERTY = "carecast.quickStart";
    /** The launcher's flag for the quick compiler alone. */
    static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";
    /** Child-months of simulation from which a command restarts with the full compiler. */
    static final double FULL_COMPILER_CHILD_MONTHS = 8e8;
    /** Overrides {@link #FULL_COMPILER_CHILD_MONTHS} (for tests of the restart). */
    static final String LIMIT_PROPERTY = "carecast.quickStart.childMonths";

    /** The command line as {@link Main#main} was given it; null when run in-process (tests, the web app). */
    private static volatile String[] arguments;

    private QuickStart() {
    }

    /** Notes the command line, so that it can be run again. */
    static void commandLine(String[] args) {
        arguments = args.clone();
    }

    /**
     * Forgets the command line: the web app runs its jobs' commands in its own Java, and a job
     * must never start the server's command line again (whatever compiler it was started with).
     */
    static void forget() {
        arguments = null;
    }

    /** The work of running {@code replications} of each of {@code models} (in the same process), in child-months. */
    static double childMonths(List<Model> models, long replications) {
        double total = 0;
        for (Model model : models) {
            total += PopulationBound.of(model).children() * model.time().months() * (double) replications;
        }
        return total;
    }

    /**
     * Before a command simulates {@code replications} of each of {@code models} (and writes
     * anything): when this Java runs the quick compiler for the launcher and that is a long
     * simulation, runs the same command line in a Java with the full compiler, with this one's
     * standard streams, and gives its exit status. Otherwise empty: go on here.
     */
    static OptionalInt restartIfLong(List<Model> models, long replications) throws InterruptedException {
        return restartIfLong(childMonths(models, replications));
    }

    /** As {@link #restartIfLong(List, long)}, the simulation ahead given in child-months. */
    static OptionalInt restartIfLong(double childMonths) throws InterruptedException {
        String[] args = arguments;
        if (args == null || !Boolean.getBoolean(PROPERTY)) {
            return OptionalInt.empty();
        }
        double limit = Double.parseDouble(System.getProperty(LIMIT_PROPERTY, String.valueOf(FULL_COMPILER_CHILD_MONTHS)));
        if (childMonths < limit) {
            return OptionalInt.empty();
        }
        String exe = System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
        List<String> command = command(java.nio.file.Path.of(System.getProperty("java.home"), "bin", exe).toString(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), args);
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (java.io.IOException cannot) {
            // No second Java to be had (a locked-down machine): the run goes on here, only slower.
            return OptionalInt.empty();
        }
        // Stopped (Ctrl-C, a scheduler's SIGTERM), this Java stops the one doing the work too.
        Thread stopChild = new Thread(child::destroy, "carecast-stop-restarted");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int status = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return OptionalInt.of(status);
    }

    /**
     * The command that runs {@code args} again: this Java's options without the quick
     * compiler's flag and the launcher's property (class-data archive, memory, logging kept),
     * on the same class path.
     */
    static List<String> command(String java, List<String> jvmOptions, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        for (String option : jvmOptions) {
            if (!option.equals(QUICK_COMPILER) && !option.startsWith("-D" + PROPERTY + "=") && !option.equals("-D" + PROPERTY)) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}
