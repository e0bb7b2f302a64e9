package org.carecast.cli;

import java.util.concurrent.Callable;

/**
 * What every command that simulates and writes a projection takes ({@code run}, {@code compare},
 * {@code sensitivity}, {@code region}): the simulation's options (replications, seed, threads),
 * {@code --set} changes to the scenario, and the output formats. Each command adds its own
 * arguments and its own {@code --out}, whose default differs.
 */
abstract class SimulatingCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    SimulationOptions options = new SimulationOptions();

    @picocli.CommandLine.Mixin
    SettingOptions settings = new SettingOptions();

    @picocli.CommandLine.Mixin
    OutputOptions formats = new OutputOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
}
