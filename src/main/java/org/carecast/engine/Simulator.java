package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.model.ReplicationModels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Runs independent replications of a model on several threads. Each worker owns one
 * {@link Replication} and takes the next replication index from a shared counter; because
 * every random draw is keyed by (seed, replication index, ...), which thread runs which
 * replication, and in what order, cannot change any number.
 */
public final class Simulator {

    /** What a run cost: wall time and events processed. */
    public record RunStats(int replications, int threads, long events, double seconds) {
        public double eventsPerSecond() {
            return seconds > 0 ? events / seconds : 0;
        }
    }

    private Simulator() {
    }

    /**
     * Runs replications {@code 0 .. replications-1} and hands each result to {@code sink}.
     *
     * @param progress called with the number of finished replications (may be null)
     */
    public static RunStats run(Model model, int replications, long seed, int threads, ResultSink sink,
                               IntConsumer progress) {
        return run(ReplicationModels.fixed(model), replications, seed, threads, sink, progress);
    }

    /** As {@link #run(Model, int, long, int, ResultSink, IntConsumer)}, each replication running its own model. */
    public static RunStats run(ReplicationModels models, int replications, long seed, int threads, ResultSink sink,
                               IntConsumer progress) {
        return runDrawn(List.of(models), replications, seed, threads,
                (index, results) -> sink.accept(index, results[0]), progress);
    }

    /**
     * Runs replication {@code i} of every model with the same seed, on the same worker, and
     * hands the results together to {@code sink}: the basis of paired comparisons with common
     * random numbers. {@code results[k]} belongs to {@code models.get(k)}.
     */
    public static RunStats runPaired(List<Model> models, int replications, long seed, int threads, PairedSink sink,
                                     IntConsumer progress) {
        return runDrawn(models.stream().map(ReplicationModels::fixed).toList(), replications, seed, threads, sink, progress);
    }

    /**
     * As {@link #runPaired}, each scenario's replication running the model it draws for that
     * replication (ranged assumptions): a new engine is made only when the model changes.
     */
    public static RunStats runDrawn(List<ReplicationModels> models, int replications, long seed, int threads,
                                    PairedSink sink, IntConsumer progress) {
        return runRange(models, 0, replications, seed, threads, sink, progress);
    }

    /**
     * Runs replications {@code from .. to-1} only (a shard of a run): each is the replication
     * of that index in a whole run, since every draw is keyed by (seed, index), so shards run
     * anywhere merge into exactly the whole run.
     */
    public static RunStats runRange(List<ReplicationModels> models, int from, int to, long seed, int threads,
                                    PairedSink sink, IntConsumer progress) {
        return runIndices(from, to - from, threads, sink, progress, () -> {
            Replication[] engines = new Replication[models.size()];
            ReplicationResult[] results = new ReplicationResult[models.size()];
            for (int k = 0; k < engines.length; k++) {
                engines[k] = new Replication(models.get(k).central());
            }
            return index -> {
                for (int k = 0; k < engines.length; k++) {
                    Model model = models.get(k).forReplication(index);
                    if (model != engines[k].model()) {
                        engines[k] = new Replication(model);
                    }
                    results[k] = engines[k].run(seed, index);
                }
                return results;
            };
        });
    }

    /** One worker's engines: runs replication {@code index} and gives its results (reused by the next call). */
    private interface WorkerEngines {
        ReplicationResult[] run(int index);
    }

    /**
     * The loop every run shares: {@code workers} threads take replication indices
     * {@code from .. from+replications-1} from one counter, each with engines of its own (made by
     * {@code engines} on its thread), and hand each replication's results to {@code sink}. A
     * worker takes both replications of a pair (2k, 2k + 1) at once: they share their drawn
     * assumptions, so the pair's model is compiled, and its engine made, once, by one worker,
     * rather than by two workers taking one replication each.
     */
    private static RunStats runIndices(int from, int replications, int threads, PairedSink sink, IntConsumer progress,
                                       java.util.function.Supplier<WorkerEngines> engines) {
        int workers = Math.max(1, Math.min(threads, replications));
        int end = from + replications;
        int firstPair = from >>> 1;
        int pairs = ((end - 1) >>> 1) - firstPair + 1;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        long started = System.nanoTime();
        Runnable worker = () -> {
            WorkerEngines mine = engines.get();
            int taken;
            while ((taken = next.getAndIncrement()) < pairs) {
                int pair = firstPair + taken;
                // A shard may begin or end inside a pair: only its own replications are run.
                for (int index = Math.max(from, 2 * pair); index < Math.min(end, 2 * pair + 2); index++) {
                    ReplicationResult[] results = mine.run(index);
                    long n = 0;
                    for (ReplicationResult r : results) {
                        n += r.events;
                    }
                    events.addAndGet(n);
                    sink.accept(index, results);
                    int finished = done.incrementAndGet();
                    if (progress != null) {
                        progress.accept(finished);
                    }
                }
            }
        };
        inParallel(workers, worker);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new RunStats(replications, workers, events.get(), seconds);
    }

    /** Runs {@code worker} on {@code workers} threads (on this one when 1) and waits for all; a worker's failure is rethrown. */
    private static void inParallel(int workers, Runnable worker) {
        if (workers == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "carecast-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Runs replications {@code 0 .. replications-1} of a region: the councils' models together,
     * with the types {@code pooled} lists sharing their places ({@link RegionReplication}).
     * {@code results[k]} is council k's; draws are keyed as in {@link RegionReplication}.
     */
    public static RunStats runRegion(List<ReplicationModels> councils, List<PooledType> pooled, int replications, long seed, int threads,
                                     PairedSink sink, IntConsumer progress) {
        return runRegions(List.of(councils), List.of(pooled), replications, seed, threads, sink, progress);
    }

    /**
     * As {@link #runRegion}, several regions (the same councils under different plans) paired:
     * replication i of every region runs on one worker with the same seed, so each council's
     * children are the same in every plan (common random numbers). {@code results} holds the
     * first region's councils, then the second's, and so on.
     */
    public static RunStats runRegions(List<List<ReplicationModels>> regions, List<List<PooledType>> pooled, int replications, long seed,
                                      int threads, PairedSink sink, IntConsumer progress) {
        int total = regions.stream().mapToInt(List::size).sum();
        return runIndices(0, replications, threads, sink, progress, () -> {
            List<List<Model>> current = new ArrayList<>();
            List<RegionReplication> engines = new ArrayList<>();
            for (int g = 0; g < regions.size(); g++) {
                current.add(regions.get(g).stream().map(ReplicationModels::central).toList());
                engines.add(new RegionReplication(current.get(g), pooled.get(g)));
            }
            ReplicationResult[] all = new ReplicationResult[total];
            return index -> {
                int at = 0;
                for (int g = 0; g < regions.size(); g++) {
                    List<Model> models = regions.get(g).stream().map(c -> c.forReplication(index)).toList();
                    if (!sameModels(models, current.get(g))) {
                        current.set(g, models);
                        engines.set(g, new RegionReplication(models, pooled.get(g)));
                    }
                    for (ReplicationResult r : engines.get(g).run(seed, index)) {
                        all[at++] = r;
                    }
                }
                return all;
            };
        });
    }

    private static boolean sameModels(List<Model> a, List<Model> b) {
        for (int k = 0; k < a.size(); k++) {
            if (a.get(k) != b.get(k)) {
                return false;
            }
        }
        return true;
    }

}
