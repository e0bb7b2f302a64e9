package org.carecast.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The background jobs of every user: at most {@code maxJobs} accepted at once (running or
 * waiting), run one at a time, each simulation using the machine's cores (a second at once
 * would only share them). A user sees and cancels only their own jobs.
 */
final class JobQueue implements AutoCloseable {

    /** Thrown when the queue already holds {@code maxJobs} jobs. */
    static final class FullException extends Exception {
        FullException(int max) {
            super("The queue is full: " + max + (max == 1 ? " job is" : " jobs are") + " waiting or running on this"
                    + " server. Try again when one has finished, or cancel one of yours.");
        }
    }

    /** What a job does once its command has run (remove uploads), also when it fails. */
    interface Cleanup {
        void run(Job job);
    }

    private final CommandRunner runner;
    private final Path root;
    private final int maxJobs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "carecast-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    JobQueue(CommandRunner runner, Path root, int maxJobs) {
        this.runner = runner;
        this.root = root;
        this.maxJobs = maxJobs;
    }

    /** A new job's id: random, so one user cannot guess another's. */
    String newId() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The folder for a job of {@code owner} (made now, empty). */
    Path folderFor(String owner, String id) throws IOException {
        return Files.createDirectories(root.resolve(owner).resolve(id));
    }

    /**
     * Queues a job, or refuses it when the queue is full.
     *
     * @param results where its results go (inside {@code folder})
     */
    synchronized Job submit(String id, String owner, String kind, String title, List<String> args, Path folder, Path results,
                            Cleanup cleanup) throws FullException {
        if (active.get() >= maxJobs) {
            throw new FullException(maxJobs);
        }
        active.incrementAndGet();
        Job job = new Job(id, owner, kind, title, args, folder, results);
        jobs.put(id, job);
        job.start(worker, runner, () -> {
            active.decrementAndGet();
            cleanup.run(job);
        });
        return job;
    }

    /** Cancels a job; a waiting job's place is given back at once. */
    void cancel(Job job) {
        job.cancel();
    }

    /** The job {@code id} if it belongs to {@code owner}; another user's job is not found. */
    Job find(String owner, String id) {
        Job job = id == null ? null : jobs.get(id);
        return job != null && job.owner().equals(owner) ? job : null;
    }

    /** The user's jobs, newest first. */
    List<Job> of(String owner) {
        List<Job> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.owner().equals(owner)) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparing(Job::created).reversed());
        return out;
    }

    /** Jobs running or waiting, of everyone. */
    int active() {
        return active.get();
    }

    int maxJobs() {
        return maxJobs;
    }

    @Override
    public void close() throws InterruptedException {
        jobs.values().forEach(Job::cancel);
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
