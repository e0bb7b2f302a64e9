package org.carecast.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code run.txt}: how a run or a comparison was made (version, scenario files, seed,
 * replications, threads) and, when the scenario files were copied into the output folder
 * ({@link ScenarioFiles}), the command that re-runs the same numbers from those copies.
 */
public final class RunRecord {

    private RunRecord() {
    }

    /**
     * How to start carecast again from anywhere: the launcher script by its absolute path when
     * it started this run (it says so in {@code CARECAST_LAUNCHER}), else {@code java -jar} and
     * this jar's absolute path.
     */
    static String launcher() {
        String script = System.getenv("CARECAST_LAUNCHER");
        if (script != null && !script.isBlank()) {
            return shellQuoted(script);
        }
        try {
            Path jar = Path.of(RunRecord.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.toString().endsWith(".jar")) {
                return "java -jar " + shellQuoted(jar.toAbsolutePath().toString());
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through: classes run from a build folder (tests)
        }
        return "./carecast";
    }

    /**
     * {@code text} as one word for a POSIX shell: as it is when it holds only characters no shell
     * treats specially, else in single quotes, an apostrophe written as '\''.
     */
    static String shellQuoted(String text) {
        if (!text.isEmpty() && text.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * Writes {@code folder/run.txt}.
     *
     * @param command  the carecast command, "run" or "compare"
     * @param info     how the run was made; {@code info.scenarioFile()} is the (base) scenario
     * @param others   for compare, the scenarios compared with the base, as given; else empty
     * @param copies   where each scenario's copy is, relative to {@code folder}, in the order
     *                 base then others; empty when nothing was copied
     */
    public static void write(Path folder, String command, RunInfo info, List<Path> others, List<Path> copies)
            throws IOException {
        write(folder, command, info, others, copies, List.of());
    }

    /** As {@link #write(Path, String, RunInfo, List, List)}, the re-run command repeating the command's own {@code options}. */
    public static void write(Path folder, String command, RunInfo info, List<Path> others, List<Path> copies,
                             List<String> options) throws IOException {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("carecast ").append(info.version()).append(nl);
        text.append(others.isEmpty() ? "scenario: " : "base: ").append(info.scenarioFile()).append(nl);
        for (Path other : others) {
            text.append("compared with: ").append(other).append(nl);
        }
        for (String setting : info.settings()) {
            text.append("set on the command line: ").append(setting).append(nl);
        }
        text.append("seed: ").append(info.seed()).append(nl)
                .append("replications: ").append(info.replications()).append(nl)
                .append("threads: ").append(info.threads()).append(" (results do not depend on it)").append(nl);
        if (!copies.isEmpty()) {
            // The copies' paths as seen from where the run was started, when the folder's name is
            // known, so that the README's launcher re-runs it from there as written.
            Path base = info.outputFolder() == null ? Path.of("") : info.outputFolder();
            StringBuilder rerun = new StringBuilder(launcher()).append(' ').append(command);
            for (Path copy : copies) {
                rerun.append(' ').append(shellQuoted(base.resolve(copy.toString()).toString()));
            }
            rerun.append(" --seed ").append(info.seed()).append(" --replications ").append(info.replications());
            for (String setting : info.settings()) {
                rerun.append(" --set ").append(shellQuoted(setting));
            }
            for (String option : options) {
                rerun.append(' ').append(shellQuoted(option));
            }
            text.append("scenario files as run: copied beside the results. Re-run ")
                    .append(info.outputFolder() == null ? "from this folder" : "from where this run was started")
                    .append(", with the same numbers: ").append(rerun).append(nl);
        }
        Files.writeString(folder.resolve("run.txt"), text, StandardCharsets.UTF_8);
    }
}
