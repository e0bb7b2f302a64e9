package org.carecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run split into shards ({@code run --shard I/N}) and merged gives the CSVs of the run done in
 * one piece, byte for byte, whatever the split (shard boundaries through replication pairs too)
 * and the thread count, with ranged assumptions drawn; a merge that lacks a shard, repeats one,
 * mixes runs or reads an edited or truncated shard is refused with one line.
 */
class ShardMergeTest {

    private static final String SMALL = "src/test/resources/scenarios/small.yaml";
    private static final String RANGE = "placementTypes[market].weeklyCost={central: 5000, low: 4000, high: 7000}";

    private static List<String> run(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", SMALL, "--replications", "37", "--quiet", "--no-charts", "--no-html",
                "--no-xlsx", "--set", RANGE, "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void mergedShardsGiveTheWholeRunsCsvsWhateverTheSplit(@TempDir Path tmp) throws Exception {
        assertEquals(0, carecast(run(tmp.resolve("whole"), "--threads", "1").toArray(String[]::new)).status());
        for (int n : new int[] {1, 2, 7}) {
            List<String> merge = new ArrayList<>(List.of("merge", "--quiet", "--no-charts", "--no-html", "--no-xlsx",
                    "--out", tmp.resolve("merged-" + n).toString()));
            for (int i = n; i >= 1; i--) {
                Path shard = tmp.resolve("shard-" + i + "-of-" + n);
                CommandLineTest.Outcome o = carecast(run(shard, "--shard", i + "/" + n, "--threads", String.valueOf(i)).toArray(String[]::new));
                assertEquals(0, o.status(), o.err());
                merge.add(shard.toString());
            }
            CommandLineTest.Outcome o = carecast(merge.toArray(String[]::new));
            assertEquals(0, o.status(), o.err());
            for (String f : List.of("monthly.csv", "yearly.csv")) {
                assertEquals(Files.readString(tmp.resolve("whole").resolve(f)), Files.readString(tmp.resolve("merged-" + n).resolve(f)),
                        f + " from " + n + " shards");
            }
        }
    }

    /** A comparison shards with its scenarios together, so the paired figures survive the split. */
    @Test
    void mergedComparisonShardsGiveTheWholeComparisonsCsvs(@TempDir Path tmp) throws Exception {
        Path option = Files.writeString(tmp.resolve("option.yaml"), "extends: " + Path.of(SMALL).toAbsolutePath()
                + "\nname: more foster places\nplacementTypes:\n  - {id: foster, capacity: 24}\n");
        List<String> compare = List.of("compare", SMALL, option.toString(), "--replications", "23", "--quiet", "--no-charts",
                "--no-html", "--no-xlsx", "--set", RANGE);
        List<String> whole = new ArrayList<>(compare);
        whole.addAll(List.of("--out", tmp.resolve("whole").toString()));
        assertEquals(0, carecast(whole.toArray(String[]::new)).status());
        List<String> merge = new ArrayList<>(List.of("merge", "--quiet", "--no-charts", "--no-html", "--no-xlsx",
                "--out", tmp.resolve("merged").toString()));
        for (int i = 1; i <= 3; i++) {
            List<String> shard = new ArrayList<>(compare);
            shard.addAll(List.of("--shard", i + "/3", "--out", tmp.resolve("c" + i).toString()));
            CommandLineTest.Outcome o = carecast(shard.toArray(String[]::new));
            assertEquals(0, o.status(), o.err());
            merge.add(tmp.resolve("c" + i).toString());
        }
        CommandLineTest.Outcome o = carecast(merge.toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        for (String f : List.of("compare.csv", "small/monthly.csv", "small/yearly.csv", "option/monthly.csv", "option/yearly.csv")) {
            assertEquals(Files.readString(tmp.resolve("whole").resolve(f)), Files.readString(tmp.resolve("merged").resolve(f)), f);
        }
    }

    /** The whole path as a cluster runs it: each shard a separate Java process, at once, then the merge. */
    @Test
    void shardsRunAsSeparateProcessesMergeToTheWholeRun(@TempDir Path tmp) throws Exception {
        assertEquals(0, carecast(run(tmp.resolve("whole")).toArray(String[]::new)).status());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<String> merge = new ArrayList<>(List.of("merge", "--quiet", "--out", tmp.resolve("merged").toString()));
        for (int i = 1; i <= 3; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-cp",
                    System.getProperty("java.class.path"), "org.carecast.cli.Main"));
            command.addAll(run(tmp.resolve("shard-" + i), "--shard", i + "/3"));
            processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("log-" + i + ".txt").toFile()).start());
            merge.add(tmp.resolve("shard-" + i).toString());
        }
        for (int i = 0; i < processes.size(); i++) {
            assertEquals(0, processes.get(i).waitFor(), Files.readString(tmp.resolve("log-" + (i + 1) + ".txt")));
        }
        assertEquals(0, carecast(merge.toArray(String[]::new)).status());
        for (String f : List.of("monthly.csv", "yearly.csv")) {
            assertEquals(Files.readString(tmp.resolve("whole").resolve(f)), Files.readString(tmp.resolve("merged").resolve(f)), f);
        }
    }

    @Test
    void aMergeThatCannotGiveTheWholeRunIsRefused(@TempDir Path tmp) throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertEquals(0, carecast(run(tmp.resolve("s" + i), "--shard", i + "/3").toArray(String[]::new)).status());
        }
        assertEquals(0, carecast(run(tmp.resolve("other"), "--shard", "2/3", "--seed", "99").toArray(String[]::new)).status());
        String out = tmp.resolve("m").toString();
        BadInputTest.refused(List.of("replications 13 to 24 of 37 are in none of the shards", "missing"),
                "merge", tmp.resolve("s1").toString(), tmp.resolve("s3").toString(), "--out", out);
        BadInputTest.refused(List.of("given twice"), "merge", tmp.resolve("s1").toString(), tmp.resolve("s1").toString(),
                tmp.resolve("s2").toString(), tmp.resolve("s3").toString(), "--out", out);
        BadInputTest.refused(List.of("a shard of another run"), "merge", tmp.resolve("s1").toString(), tmp.resolve("other").toString(),
                tmp.resolve("s3").toString(), "--out", out);
        BadInputTest.refused(List.of("not a shard of a run"), "merge", tmp.resolve("s1").toString(), SMALL, "--out", out);
        BadInputTest.refused(List.of("--shard must be I/N"), "run", SMALL, "--shard", "4/3", "--out", out);
        // The output may not replace a shard being merged: the shards stay, so the merge can be run again.
        BadInputTest.refused(List.of("is the shard folder"), "merge", tmp.resolve("s1").toString(), tmp.resolve("s2").toString(),
                tmp.resolve("s3").toString(), "--out", tmp.resolve("s1").toString());
        BadInputTest.refused(List.of("holds the shard folder"), "merge", tmp.resolve("s1").toString(), tmp.resolve("s2").toString(),
                tmp.resolve("s3").toString(), "--out", tmp.toString());
        assertTrue(Files.exists(tmp.resolve("s1").resolve("shard.json")), "the shard is kept");

        // A shard whose values were cut short, or whose scenario was edited since it ran.
        Path values = tmp.resolve("s2").resolve("values.bin").toRealPath();
        byte[] bytes = Files.readAllBytes(values);
        Files.write(values, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        BadInputTest.refused(List.of("values.bin"), "merge", tmp.resolve("s1").toString(), tmp.resolve("s2").toString(),
                tmp.resolve("s3").toString(), "--out", out);
        Path copy = tmp.resolve("s3").resolve("scenario").resolve("small.yaml").toRealPath();
        Files.writeString(copy, Files.readString(copy).replace("seed: 1", "seed: 2"));
        BadInputTest.refused(List.of("edited after the run"), "merge", tmp.resolve("s1").toString(), tmp.resolve("s3").toString(),
                "--out", out);
    }
}
