package org.carecast.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * One shard of a run ({@code run --shard I/N}): replications {@code from .. to-1} of a run of
 * {@code replications}, each as the values of every output cell, written in index order and
 * deflated ({@value #VALUES}), with what the merge checks ({@value #META}) and the scenario's
 * files beside them. Every replication depends on (seed, index) alone, so {@code carecast merge}
 * folds the shards' values in index order through the same aggregator as a single run and
 * writes the same CSVs, byte for byte, however the run was split.
 *
 * @param version      carecast's version (shards of different versions are not merged)
 * @param scenarioFile the scenario file as given to the run
 * @param scenarioCopy the scenario's copy in this folder, relative to it
 * @param settings     the run's {@code --set} values
 * @param seed         the seed
 * @param replications replications in the whole run
 * @param from         first replication of this shard
 * @param to           one past its last
 * @param cells        output cells per replication
 * @param fingerprint  SHA-256 of the scenario's copied files, the settings, seed and replications
 * @param seconds      wall time of this shard's simulation
 * @param events       events this shard simulated
 * @param threads      threads it used
 * @param compared     for a shard of {@code compare}: the scenarios compared with the base, as given
 *                     (empty for a run); each replication's values are then the paired figures
 *                     followed by every scenario's cells, base first
 * @param comparedCopies their copies in this folder, relative to it
 */
public record RunShard(String version, String scenarioFile, String scenarioCopy, List<String> settings, long seed,
                       int replications, int from, int to, int cells, String fingerprint, double seconds, long events,
                       int threads, List<String> compared, List<String> comparedCopies) {

    public static final String META = "shard.json";
    public static final String VALUES = "values.bin";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunShard {
        settings = List.copyOf(settings);
        compared = compared == null ? List.of() : List.copyOf(compared);
        comparedCopies = comparedCopies == null ? List.of() : List.copyOf(comparedCopies);
    }

    /** Whether this is a shard of {@code compare} (else of {@code run}). */
    public boolean comparison() {
        return !compared.isEmpty();
    }

    /** Replications {@code from .. to-1} of shard {@code shard} (from 1) of {@code shards}: as even as whole replications allow. */
    public static int[] range(int shard, int shards, int replications) {
        return new int[] {(int) ((long) (shard - 1) * replications / shards), (int) ((long) shard * replications / shards)};
    }

    /** Writes the metadata and the values ({@code values[k]} is replication {@code from + k}) into {@code folder}. */
    public void write(Path folder, double[][] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(Files.newOutputStream(folder.resolve(VALUES))), 1 << 16))) {
            for (double[] replication : values) {
                for (double v : replication) {
                    out.writeDouble(v);
                }
            }
        }
        JSON.writeValue(folder.resolve(META).toFile(), this);
    }

    /** The metadata of the shard in {@code folder}. */
    public static RunShard read(Path folder) throws IOException {
        Path meta = folder.resolve(META);
        if (!Files.isRegularFile(meta)) {
            throw new IOException(folder + " is not a shard of a run (no " + META + "; write one with run --shard I/N)");
        }
        return JSON.readValue(meta.toFile(), RunShard.class);
    }

    /** Hands each replication's values to {@code sink} in index order. */
    public void readValues(Path folder, ValuesSink sink) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(Files.newInputStream(folder.resolve(VALUES))), 1 << 16))) {
            for (int r = from; r < to; r++) {
                double[] values = new double[cells];
                for (int c = 0; c < cells; c++) {
                    values[c] = in.readDouble();
                }
                sink.accept(r, values);
            }
            if (in.read() != -1) {
                throw new IOException(folder.resolve(VALUES) + " holds more values than its " + (to - from) + " replications");
            }
        } catch (EOFException e) {
            throw new IOException(folder.resolve(VALUES) + " ends before its " + (to - from) + " replications: it is incomplete", e);
        }
    }

    /** Receives one replication's cell values. */
    @FunctionalInterface
    public interface ValuesSink {
        void accept(int replication, double[] values) throws IOException;
    }

    /**
     * The fingerprint of a run: the scenario files under {@code scenarioFolder} (paths and
     * bytes, in path order), the settings, the seed and the replications.
     */
    public static String fingerprint(Path scenarioFolder, List<String> settings, long seed, int replications) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(scenarioFolder, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                sha.update(scenarioFolder.relativize(f).toString().replace(java.io.File.separatorChar, '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
                sha.update((byte) 0);
            }
            sha.update((String.join("\n", settings) + "\n" + seed + "\n" + replications).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
