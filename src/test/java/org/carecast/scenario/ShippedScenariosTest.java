package org.carecast.scenario;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped scenario is valid, and every line that states a number says where the number
 * comes from: a comment on the same line, or on the comment block directly above it.
 */
class ShippedScenariosTest {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w-])[-+]?\\d+(\\.\\d+)?(?![\\w-])");

    static List<Path> shipped() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedScenarioIsValid() throws Exception {
        List<Path> files = shipped();
        assertFalse(files.isEmpty());
        for (Path file : files) {
            ModelCompiler.compile(ScenarioReader.read(file));
        }
    }

    @Test
    void everyNumberCarriesASourceComment() throws Exception {
        List<String> unsourced = new ArrayList<>();
        for (Path file : shipped()) {
            List<String> lines = Files.readAllLines(file);
            int proseIndent = -1;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int indent = line.length() - line.stripLeading().length();
                // Lines of a folded or literal block ("description: >") are prose, not numbers.
                if (proseIndent >= 0 && (line.isBlank() || indent > proseIndent)) {
                    continue;
                }
                proseIndent = line.stripTrailing().endsWith(">") || line.stripTrailing().endsWith("|") ? indent : -1;
                int hash = line.indexOf('#');
                String value = hash >= 0 ? line.substring(0, hash) : line;
                // Dates and identifiers such as "16-17" are not assumptions; numbers after a colon or in a list are.
                String withoutDates = value.replaceAll("\\d{4}-\\d{2}-\\d{2}", "").replaceAll("\"[^\"]*\"", "");
                if (!NUMBER.matcher(withoutDates).find() || withoutDates.trim().startsWith("name:")
                        || withoutDates.trim().startsWith("label:")) {
                    continue;
                }
                boolean commented = hash >= 0 || (i > 0 && lines.get(i - 1).trim().startsWith("#"));
                if (!commented) {
                    unsourced.add(file + ":" + (i + 1) + ": " + line.trim());
                }
            }
        }
        assertTrue(unsourced.isEmpty(), "numbers without a source comment:\n" + String.join("\n", unsourced));
    }
}
