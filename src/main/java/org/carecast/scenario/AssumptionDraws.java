package org.carecast.scenario;

import org.carecast.engine.RandomStreams;
import org.carecast.model.Model;
import org.carecast.model.ReplicationModels;

import java.util.HashMap;
import java.util.Map;

/**
 * The models of a scenario whose ranged assumptions are drawn per replication pair. Each range
 * takes one uniform from the keyed stream named by its canonical path (seed, pair,
 * "assumption", path), turned into a value by its inverse CDF; so two scenarios that share a
 * range (the baseline and an option extending it) draw the same value in the same replication,
 * and a paired comparison keeps its common random numbers. The two replications of a pair
 * (2k, 2k + 1) share every draw and differ only by chance, which is what splits a figure's
 * spread into assumptions and chance ({@code results.VarianceSplit}).
 *
 * <p>A drawn scenario is read from the composed tree again and compiled: the same validation
 * as a written value, at the cost of a compile per pair (under a millisecond for the baseline
 * against tens of milliseconds of simulation), cached until both replications of the pair have
 * taken it.
 */
public final class AssumptionDraws implements ReplicationModels {

    private final UncertainScenario scenario;
    private final Model central;
    private final long seed;
    /** Models of pairs with one replication still to take it. */
    private final Map<Integer, Model> waiting = new HashMap<>();

    private AssumptionDraws(UncertainScenario scenario, Model central, long seed) {
        this.scenario = scenario;
        this.central = central;
        this.seed = seed;
    }

    /** The models of {@code scenario} with its ranges drawn from {@code seed}'s assumption streams. */
    public static ReplicationModels of(UncertainScenario scenario, long seed) {
        scenario.checkExtremes();
        Model central = ModelCompiler.compile(scenario.central());
        return scenario.ranges().isEmpty() ? ReplicationModels.fixed(central) : new AssumptionDraws(scenario, central, seed);
    }

    /** The uniform that replication {@code replication} takes for the range at {@code path}. */
    public static double uniform(long seed, int replication, String path) {
        return RandomStreams.uniform(RandomStreams.pathKey(RandomStreams.assumptionKey(seed, replication), path),
                RandomStreams.ASSUMPTION, 0);
    }

    @Override
    public Model central() {
        return central;
    }

    @Override
    public Model forReplication(int replication) {
        int pair = replication >>> 1;
        synchronized (waiting) {
            Model ready = waiting.remove(pair);
            if (ready != null) {
                return ready;
            }
        }
        Model drawn = ModelCompiler.compile(scenario.at(path -> uniform(seed, replication, path)));
        synchronized (waiting) {
            // Both of a pair may compile at once; either result is the same numbers.
            if (waiting.putIfAbsent(pair, drawn) != null) {
                waiting.remove(pair);
            }
        }
        return drawn;
    }
}
