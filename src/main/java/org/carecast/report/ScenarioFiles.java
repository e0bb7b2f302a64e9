package org.carecast.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies the files a scenario was read from (the scenario, the files it {@code extends} and the
 * data files it names) into an output folder's {@code scenario/}, keeping their places
 * relative to one another, so that {@code carecast run <folder>/scenario/<file>} re-runs the
 * same scenario after the originals have been edited or moved. Files are copied byte for byte:
 * the comments that give each number's source travel with it.
 */
public final class ScenarioFiles {

    /** The subfolder of an output folder that holds the copies. */
    public static final String FOLDER = "scenario";

    private ScenarioFiles() {
    }

    /**
     * Copies {@code sources} (absolute paths, the scenario first) into {@code folder/scenario/}.
     *
     * @return where the scenario's own copy is, relative to {@code folder}; {@code null} when
     *         there are no sources (a scenario parsed from text)
     */
    public static Path copy(List<Path> sources, Path folder) throws IOException {
        if (sources.isEmpty()) {
            return null;
        }
        Path root = commonFolder(sources);
        Path target = folder.resolve(FOLDER);
        for (Path source : sources) {
            Path copy = target.resolve(root.relativize(source).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy);
        }
        return Path.of(FOLDER).resolve(root.relativize(sources.get(0)).toString());
    }

    /** The deepest folder holding every source, so a parent named as "../x.yaml" is copied too. */
    private static Path commonFolder(List<Path> sources) {
        Path common = sources.get(0).getParent();
        for (Path source : sources) {
            while (!source.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }
}
