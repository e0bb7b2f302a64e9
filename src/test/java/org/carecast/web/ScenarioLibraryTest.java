package org.carecast.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario list keeps what it read while none of the files a scenario was read from has
 * changed, and reads it again as soon as one has: the file itself, the file it extends, or a
 * region's council.
 */
class ScenarioLibraryTest {

    private static ScenarioLibrary.Entry entry(ScenarioLibrary library, String file) throws Exception {
        return library.list().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void anEntryIsReadAgainWhenAnyFileItWasReadFromChanges(@TempDir Path folder) throws Exception {
        Files.copy(Path.of("scenarios/oldham-baseline.yaml"), folder.resolve("oldham-baseline.yaml"));
        Files.copy(Path.of("scenarios/hayle-road-home.yaml"), folder.resolve("hayle-road-home.yaml"));
        ScenarioLibrary library = new ScenarioLibrary(folder);

        ScenarioLibrary.Entry first = entry(library, "hayle-road-home.yaml");
        assertEquals("1 April 2025", first.start());
        assertSame(first, entry(library, "hayle-road-home.yaml"), "nothing changed: kept");

        // The file it extends changes its start: the option's entry follows.
        Path base = folder.resolve("oldham-baseline.yaml");
        Files.writeString(base, Files.readString(base).replace("start: 2025-04-01", "start: 2025-05-01"));
        ScenarioLibrary.Entry moved = entry(library, "hayle-road-home.yaml");
        assertNotSame(first, moved);
        assertEquals("1 May 2025", moved.start());

        // The file it extends breaks: the option is listed with the reader's message, and again
        // read (not kept) until it is mended.
        String written = Files.readString(base);
        Files.writeString(base, written.replace("start: 2025-05-01", "start: 2025-05-17"));
        assertTrue(entry(library, "hayle-road-home.yaml").error().contains("start"), "broken base");
        Files.writeString(base, written);
        assertEquals("", entry(library, "hayle-road-home.yaml").error());
        assertEquals("1 May 2025", entry(library, "hayle-road-home.yaml").start());

        // The file itself changes, its size unchanged: its modification time tells.
        Path option = folder.resolve("hayle-road-home.yaml");
        String text = Files.readString(option);
        ScenarioLibrary.Entry before = entry(library, "hayle-road-home.yaml");
        Files.writeString(option, text.replace("Hayle Road children's home (2 places", "Hayle Road childrens' home (2 places"));
        Files.setLastModifiedTime(option, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(option).toMillis() + 2000));
        assertTrue(entry(library, "hayle-road-home.yaml").title().startsWith("Hayle Road childrens' home"), "re-read");
        assertNotSame(before, entry(library, "hayle-road-home.yaml"));
    }

    @Test
    void aRegionIsReadAgainWhenOneOfItsCouncilsChanges(@TempDir Path folder) throws Exception {
        Files.copy(Path.of("scenarios/oldham-baseline.yaml"), folder.resolve("oldham-baseline.yaml"));
        for (String f : List.of("oldham.yaml", "neighbour.yaml", "pair.yaml")) {
            Files.writeString(folder.resolve(f), Files.readString(Path.of("scenarios/region", f))
                    .replace("extends: ../oldham-baseline.yaml", "extends: oldham-baseline.yaml"));
        }
        ScenarioLibrary library = new ScenarioLibrary(folder);
        ScenarioLibrary.Entry region = entry(library, "pair.yaml");
        assertTrue(region.isRegion() && region.error().isEmpty(), region.error());
        assertSame(region, entry(library, "pair.yaml"));
        Path base = folder.resolve("oldham-baseline.yaml");
        Files.writeString(base, Files.readString(base).replace("start: 2025-04-01", "start: 2025-06-01"));
        assertEquals("1 June 2025", entry(library, "pair.yaml").start(), "a council's base changed");
    }
}
