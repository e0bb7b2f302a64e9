package org.carecast.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output folder never loses a user's files, and a reader always finds a complete output:
 * every kind of existing target is refused with nothing touched; a process halted (as kill -9
 * would) after each step of a replacement leaves the old or the new complete output, and the
 * next run leaves nothing stranded; two processes writing one folder at once both finish with
 * one complete result; folders follow the umask.
 */
class OutputFolderTest {

    @TempDir
    Path tmp;

    /** Writes generation {@code g}: a few files whose text says which generation they are. */
    static OutputFolder.Contents generation(String g) {
        return dir -> {
            Files.writeString(dir.resolve("summary.txt"), "generation " + g + "\n");
            Files.createDirectories(dir.resolve("charts"));
            Files.writeString(dir.resolve("charts").resolve("a.svg"), "<svg>" + g + "</svg>");
            if (g.startsWith("new")) {
                Files.writeString(dir.resolve("only-in-new.csv"), g);
            } else {
                Files.writeString(dir.resolve("only-in-old.csv"), g);
            }
        };
    }

    static void write(Path target, String g) {
        OutputFolder.prepare(target, "test", "run").write(generation(g));
    }

    /** The generation a reader finds in a complete output, or fails if it is not complete. */
    static String complete(Path target) throws IOException {
        Path manifestFile = target.resolve(OutputManifest.FILE);
        assertTrue(Files.exists(manifestFile), "no manifest: output missing or incomplete in " + listing(target));
        OutputManifest manifest = OutputManifest.readFrom(target.resolve(OutputManifest.FILE).toRealPath().getParent());
        assertTrue(manifest != null, "manifest unreadable");
        for (String file : manifest.files().keySet()) {
            assertTrue(Files.isRegularFile(target.resolve(file)), file + " listed but not readable through " + target);
        }
        String g = Files.readString(target.resolve("summary.txt")).trim().substring("generation ".length());
        assertEquals("<svg>" + g + "</svg>", Files.readString(target.resolve("charts/a.svg")), "files of two generations mixed");
        return g;
    }

    static String listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return dir + " (missing)";
        }
        try (Stream<Path> walk = Files.walk(dir.getParent(), 3)) {
            return walk.map(p -> dir.getParent().relativize(p).toString()).toList().toString();
        }
    }

    /** Entries beside and inside the target that no reader should find after a clean run. */
    static void nothingStranded(Path target) throws IOException {
        try (Stream<Path> beside = Files.list(target.getParent())) {
            List<String> names = beside.map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of(target.getFileName().toString()), names.stream()
                    .filter(n -> !n.equals("user-file.txt")).toList(), "left beside the output: " + names);
        }
        Path state = target.resolve(OutputFolder.STATE);
        if (Files.isDirectory(state)) {
            try (Stream<Path> inside = Files.list(state)) {
                long versions = inside.filter(p -> p.getFileName().toString().startsWith("v-")).count();
                assertEquals(1, versions, "versions kept in " + state);
            }
        }
    }

    @Test
    void refusesEveryTargetItDidNotWriteAndTouchesNothing() throws IOException {
        Path file = Files.writeString(tmp.resolve("budget.xlsx"), "the council's budget");
        Path folder = Files.createDirectories(tmp.resolve("Documents"));
        Files.writeString(folder.resolve("minutes.docx"), "minutes");
        Path nested = Files.createDirectories(tmp.resolve("project/src"));
        Files.writeString(nested.resolve("Main.java"), "class Main {}");
        Path linkToFolder = Files.createSymbolicLink(tmp.resolve("shortcut"), folder);
        for (Path target : List.of(file, folder, tmp.resolve("project"), linkToFolder, file.resolve("inside"))) {
            OutputLocationException e = assertThrows(OutputLocationException.class, () -> write(target, "new"),
                    "accepted " + target);
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        assertEquals("the council's budget", Files.readString(file));
        assertEquals("minutes", Files.readString(folder.resolve("minutes.docx")));
        assertEquals("class Main {}", Files.readString(nested.resolve("Main.java")));
        try (Stream<Path> all = Files.list(tmp)) {
            assertEquals(4, all.count(), "nothing added beside the targets");
        }
    }

    @Test
    void replacesItsOwnOutputButNotOneAUserAddedToOrEdited() throws IOException {
        Path target = tmp.resolve("out/baseline");
        Files.createDirectories(target.getParent());
        Path besides = Files.writeString(target.getParent().resolve("user-file.txt"), "mine");
        write(target, "old");
        assertEquals("old", complete(target));
        write(target, "new");
        assertEquals("new", complete(target));
        assertFalse(Files.exists(target.resolve("only-in-old.csv"), LinkOption.NOFOLLOW_LINKS), "a name only the old output had");
        nothingStranded(target);

        Path planted = Files.writeString(target.resolve("notes.txt"), "my notes");
        assertThrows(OutputLocationException.class, () -> write(target, "new2"));
        assertEquals("my notes", Files.readString(planted));
        Files.delete(planted);

        Path insideCharts = Files.writeString(target.resolve("charts/mine.png"), "my chart");
        assertThrows(OutputLocationException.class, () -> write(target, "new2"));
        assertEquals("my chart", Files.readString(insideCharts));
        Files.delete(insideCharts);

        Files.writeString(target.resolve("summary.txt"), "edited by hand");
        assertThrows(OutputLocationException.class, () -> write(target, "new2"));
        assertEquals("edited by hand", Files.readString(target.resolve("summary.txt")));
        assertEquals("mine", Files.readString(besides));
    }

    @Test
    void anEmptyFolderMayBeUsed() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("empty"));
        write(target, "new");
        assertEquals("new", complete(target));
        write(target, "new again");
        assertEquals("new again", complete(target));
        nothingStranded(target);
    }

    @Test
    void withoutLinksTheFilesAreWrittenPlainAndStillReplacedOnlyWhenOurs() throws IOException {
        System.setProperty("carecast.plainOutput", "true");
        try {
            Path target = tmp.resolve("plain");
            write(target, "old");
            assertTrue(Files.isRegularFile(target.resolve("summary.txt"), LinkOption.NOFOLLOW_LINKS));
            write(target, "new");
            assertEquals("new", complete(target));
            nothingStranded(target);
            Files.writeString(target.resolve("notes.txt"), "my notes");
            assertThrows(OutputLocationException.class, () -> write(target, "new2"));
            assertEquals("my notes", Files.readString(target.resolve("notes.txt")));
        } finally {
            System.clearProperty("carecast.plainOutput");
        }
    }

    // ---- halted processes ----

    /** Child process: writes generation args[2] into args[0], halting after step args[1]. */
    public static void main(String[] args) {
        String haltAt = args[1];
        if (args.length > 3) {
            System.setProperty("carecast.plainOutput", "true");
        }
        OutputFolder.afterStep = step -> {
            if (step.equals(haltAt)) {
                Runtime.getRuntime().halt(9);
            }
        };
        write(Path.of(args[0]), args[2]);
        System.exit(0);
    }

    private static Process child(Path target, String haltAt, String generation, boolean plain) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutputFolderTest.class.getName(),
                target.toString(), haltAt, generation));
        if (plain) {
            command.add("plain");
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int run(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.isBlank() || p.exitValue() == 0, out);
        return p.exitValue();
    }

    @Test
    void aProcessKilledAtAnyStepLeavesTheOldOrTheNewCompleteOutput() throws Exception {
        List<String> steps = List.of("leftovers of a killed run removed", "version written", "links made",
                "pending link made", "current swapped", "old version removed");
        for (String step : steps) {
            Path target = tmp.resolve("killed-" + steps.indexOf(step)).resolve("out");
            write(target, "old");
            assertEquals(9, run(child(target, step, "new", false)), "halted at " + step);
            String found = complete(target);
            boolean committed = steps.indexOf(step) >= steps.indexOf("current swapped");
            assertEquals(committed ? "new" : "old", found, "after a halt at '" + step + "'");
            write(target, "new again");
            assertEquals("new again", complete(target));
            nothingStranded(target);
        }
        for (String step : List.of("version written", "fresh staged")) {
            Path target = tmp.resolve("first-" + step.replace(' ', '-')).resolve("out");
            Files.createDirectories(target.getParent());
            assertEquals(9, run(child(target, step, "new", false)));
            assertFalse(Files.exists(target), "a first output halted at '" + step + "' must not appear half written");
            write(target, "new again");
            assertEquals("new again", complete(target));
            nothingStranded(target);
        }
    }

    @Test
    void aPlainReplacementKilledBetweenItsRenamesIsPutBackByTheNextRun() throws Exception {
        System.setProperty("carecast.plainOutput", "true");
        try {
            for (String step : List.of("plain staged", "plain old moved aside", "plain new moved in")) {
                Path target = tmp.resolve("plain-" + step.replace(' ', '-')).resolve("out");
                write(target, "old");
                assertEquals(9, run(child(target, step, "new", true)), step);
                write(target, "new again");
                assertEquals("new again", complete(target));
                nothingStranded(target);
            }
        } finally {
            System.clearProperty("carecast.plainOutput");
        }
    }

    @Test
    void twoProcessesWritingOneFolderAtOnceBothFinishWithOneCompleteResult() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path target = tmp.resolve("race-" + round).resolve("out");
            if (round == 2) {
                write(target, "old");
            }
            Process a = child(target, "never", "new-a", false);
            Process b = child(target, "never", "new-b", false);
            assertEquals(0, run(a));
            assertEquals(0, run(b));
            String found = complete(target);
            assertTrue(found.equals("new-a") || found.equals("new-b"), found);
            nothingStranded(target);
        }
    }

    @Test
    void foldersAndFilesFollowTheUmask() throws Exception {
        Path target = tmp.resolve("shared-drive").resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/bin/sh", "-c", "umask 022 && exec \"$0\" -cp \"$1\" \"$2\" \"$3\" never new",
                java, System.getProperty("java.class.path"), OutputFolderTest.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, run(p));
        Set<PosixFilePermission> readable = Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path path : walk.filter(x -> !Files.isSymbolicLink(x)).toList()) {
                assertTrue(Files.getPosixFilePermissions(path).containsAll(readable), path + " not readable by colleagues: "
                        + Files.getPosixFilePermissions(path));
            }
        }
        assertTrue(Files.getPosixFilePermissions(target.getParent()).containsAll(readable));
    }
}
