package org.carecast.cli;

import picocli.CommandLine.Command;

/** The top-level {@code carecast} command; all work is done by its subcommands. */
@Command(name = "carecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Forecasts placements, spill-over and cost for children in care by discrete-event Monte Carlo simulation.",
        subcommands = {RunCommand.class, RegionCommand.class, ServeCommand.class, CompareCommand.class, SensitivityCommand.class, SweepCommand.class, MergeCommand.class, ValidateCommand.class, CalibrateCommand.class, BacktestCommand.class, picocli.CommandLine.HelpCommand.class})
public final class CarecastCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where a command's progress goes instead of the terminal (the web app's jobs); null on the command line. */
    ProgressListener listener;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
