package org.carecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unaccompanied asylum-seeking children from the returns' UASC table: calibrate moves their
 * entries into the scenario's UASC stream (the two rates add up to the rate without the table),
 * marks them among the children at the start (only those whose status has not ceased), and the
 * calibrated scenario runs with them counted apart.
 */
class UascCalibrationTest {

    private static final Path S = Path.of("src/test/resources/ssda903-sample");
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void theirEntriesAreAStreamOfTheirOwnAndTheyAreMarkedAtTheStart(@TempDir Path tmp) throws Exception {
        // Every third child born in 2002-2004 in the 2019 header is UASC until 18; one has ceased already.
        List<String> header = Files.readAllLines(S.resolve("2019-header.csv"));
        StringBuilder uasc = new StringBuilder("CHILD,SEX,DOB,DUC\n");
        int listed = 0;
        for (String line : header.subList(1, header.size())) {
            String[] cells = line.split(",");
            LocalDate birth = LocalDate.parse(cells[2], UK);
            if (birth.getYear() >= 2002 && birth.getYear() <= 2004 && listed++ % 3 == 0) {
                String ceased = listed == 1 ? "01/01/2019" : birth.plusYears(18).format(UK);
                uasc.append(cells[0]).append(',').append(cells[1]).append(',').append(cells[2]).append(',').append(ceased).append('\n');
            }
        }
        Path table = Files.writeString(tmp.resolve("2019-uasc.csv"), uasc);
        List<String> base = new ArrayList<>(List.of("calibrate", "--header"));
        for (int y = 2017; y <= 2021; y++) {
            base.add(S.resolve(y + "-header.csv").toString());
        }
        base.add("--episodes");
        for (int y = 2017; y <= 2021; y++) {
            base.add(S.resolve(y + "-episodes.csv").toString());
        }
        base.addAll(List.of("--as-at", "2020-04-01", "--entry-trend", "none"));
        List<String> plain = new ArrayList<>(base);
        plain.addAll(List.of("--out", tmp.resolve("plain.yaml").toString()));
        List<String> with = new ArrayList<>(base);
        with.addAll(List.of("--uasc", table.toString(), "--out", tmp.resolve("uasc.yaml").toString()));
        assertEquals(0, carecast(plain.toArray(String[]::new)).status());
        CommandLineTest.Outcome o = carecast(with.toArray(String[]::new));
        assertEquals(0, o.status(), o.err());

        String plainYaml = Files.readString(tmp.resolve("plain.yaml"));
        String uascYaml = Files.readString(tmp.resolve("uasc.yaml"));
        double all = rate(plainYaml, "\n  monthlyRate: ");
        double others = rate(uascYaml, "\n  monthlyRate: ");
        double theirs = rate(uascYaml, "\n    monthlyRate: ");
        assertTrue(theirs > 0, uascYaml);
        // The same entries, split between the streams (each written to 4 significant figures).
        assertEquals(all, others + theirs, 0.01 * all);
        assertTrue(uascYaml.contains("    need: via_"), "their pathway");

        List<String> children = Files.readAllLines(tmp.resolve("uasc-children.csv"));
        assertTrue(children.get(0).endsWith(",uasc"), children.get(0));
        assertEquals(Files.readAllLines(tmp.resolve("plain-children.csv")).size(), children.size(), "the same children");
        long marked = children.stream().filter(l -> l.endsWith(",true")).count();
        assertTrue(marked > 0 && marked < listed, marked + " of " + listed);

        // The calibrated scenario runs, its UASC counted apart from the first census.
        Path out = tmp.resolve("run");
        CommandLineTest.Outcome run = carecast("run", tmp.resolve("uasc.yaml").toString(), "--replications", "5", "--out",
                out.toString(), "--quiet", "--no-charts", "--no-html", "--no-xlsx");
        assertEquals(0, run.status(), run.err());
        String first = Files.readAllLines(out.resolve("monthly.csv")).stream().filter(l -> l.startsWith("uasc,all,children,2020-04,"))
                .findFirst().orElseThrow();
        assertEquals(marked, Math.round(Double.parseDouble(first.split(",")[7])), first);
    }

    private static double rate(String yaml, String key) {
        Matcher m = Pattern.compile(Pattern.quote(key) + "([0-9.]+)").matcher(yaml);
        assertTrue(m.find(), key + " in " + yaml);
        return Double.parseDouble(m.group(1));
    }
}
