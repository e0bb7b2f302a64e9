package org.carecast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The top-level {@code carecast} command; all work is done by its subcommands, listed in
 * {@link #SUBCOMMANDS} in the order the usage text shows them.
 */
@Command(name = "carecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Forecasts placements, spill-over and cost for children in care by discrete-event Monte Carlo simulation.")
public final class CarecastCommand implements Runnable {

    /** Every subcommand by name, made when asked for. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand::new);
        SUBCOMMANDS.put("region", RegionCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("compare", CompareCommand::new);
        SUBCOMMANDS.put("sensitivity", SensitivityCommand::new);
        SUBCOMMANDS.put("sweep", SweepCommand::new);
        SUBCOMMANDS.put("merge", MergeCommand::new);
        SUBCOMMANDS.put("validate", ValidateCommand::new);
        SUBCOMMANDS.put("calibrate", CalibrateCommand::new);
        SUBCOMMANDS.put("backtest", BacktestCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    /**
     * The command line for {@code args}: with only the subcommand they name when they name one,
     * since picocli reads every subcommand's options by reflection when it is added (about a
     * tenth of a second for all of them, at every start); with all of them otherwise, for the
     * usage text, {@code help} and the message for a mistyped name.
     */
    static CommandLine commandLine(CarecastCommand top, String... args) {
        CommandLine line = new CommandLine(top);
        Supplier<Object> named = args.length > 0 && !"help".equals(args[0]) ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            line.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, made) -> line.addSubcommand(name, made.get()));
        }
        return line;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where a command's progress goes instead of the terminal (the web app's jobs); null on the command line. */
    ProgressListener listener;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
