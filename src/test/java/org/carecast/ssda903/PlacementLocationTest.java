package org.carecast.ssda903;

import org.carecast.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the returns carry PL_LOCATION, calibrate writes each type's share of children placed
 * outside the area on the as-at date; where they do not, it writes none (the mapping's
 * location applies).
 */
class PlacementLocationTest {

    static final Path SAMPLE = Path.of("src/test/resources/ssda903-sample");

    @Test
    void theShareOutsideTheAreaIsCountedFromPlLocation(@TempDir Path tmp) throws Exception {
        List<String> episodes = new ArrayList<>();
        for (String year : List.of("2018", "2019")) {
            List<String> lines = Files.readAllLines(SAMPLE.resolve(year + "-episodes.csv"));
            List<String> header = List.of(lines.get(0).split(",", -1));
            int place = header.indexOf("PLACE");
            List<String> out = new ArrayList<>(List.of(lines.get(0) + ",PL_LOCATION"));
            for (String line : lines.subList(1, lines.size())) {
                // Children's homes (PLACE K...) out of the area, everyone else in it.
                out.add(line + (line.split(",", -1)[place].startsWith("K") ? ",OUT" : ",IN"));
            }
            episodes.add(Files.write(tmp.resolve(year + "-episodes.csv"), out).toString());
        }
        Path located = calibrate(tmp, "located.yaml", episodes);
        String yaml = Files.readString(located);
        assertTrue(yaml.contains("outOfBoroughShare: 1   # 10 of 10 children placed here on 2019-10-01"), yaml);
        assertTrue(yaml.contains("outOfBoroughShare: 0   # 0 of 74 children placed here"), yaml);

        Path plain = calibrate(tmp, "plain.yaml", List.of(SAMPLE.resolve("2018-episodes.csv").toString(),
                SAMPLE.resolve("2019-episodes.csv").toString()));
        assertFalse(Files.readString(plain).contains("outOfBoroughShare"));
    }

    private static Path calibrate(Path tmp, String name, List<String> episodes) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("calibrate", "--header", SAMPLE.resolve("2018-header.csv").toString(),
                SAMPLE.resolve("2019-header.csv").toString(), "--episodes"));
        args.addAll(episodes);
        args.addAll(List.of("--as-at", "2019-10-01", "--out", out.toString()));
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args.toArray(String[]::new)),
                err.toString());
        return out;
    }
}
