package org.carecast.ssda903;

import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What calibrate counts, on hand-made periods: a period the returns open in the middle of (no
 * RNE S) is a child already in care, not an entry; leaving within two weeks of the 18th birthday
 * is leaving at 18, not an exit; the window is clipped to the first day the returns cover; and
 * the children in care on the as-at date are written one row each, without identifiers, and
 * read back as the scenario's start.
 */
class CalibrationWindowTest {

    static final Path FILE = Path.of("episodes.csv");

    static Episode episode(String child, LocalDate start, LocalDate end, String rne, String rec) {
        return new Episode(child, start, end, rne, "C2", "U4", "PR1", rec, "", "", FILE, 2);
    }

    static CareHistory.Period period(String child, LocalDate birth, Episode... episodes) {
        return new CareHistory.Period(child, birth, List.of(episodes));
    }

    @Test
    void leftCensoredPeriodsAreNotEntriesAndLeavingAt18IsNotAnExit() {
        LocalDate dataStart = LocalDate.of(2019, 4, 1);
        LocalDate asAt = LocalDate.of(2021, 4, 1);
        List<CareHistory.Period> periods = List.of(
                // Already in care when the returns begin: its first episode is a placement change.
                period("A", LocalDate.of(2010, 1, 1), episode("A", dataStart, null, "P", "")),
                // Entered in the window.
                period("B", LocalDate.of(2012, 1, 1), episode("B", LocalDate.of(2020, 1, 1), null, "S", "")),
                // Left five days before turning 18: leaving at 18.
                period("C", LocalDate.of(2002, 6, 10), episode("C", LocalDate.of(2019, 5, 1), LocalDate.of(2020, 6, 5), "S", "E8")),
                // Left at 15: an exit of a 10-15 year old.
                period("D", LocalDate.of(2005, 1, 1), episode("D", LocalDate.of(2019, 6, 1), LocalDate.of(2020, 2, 1), "S", "E13")));
        Calibration.Estimates e = Calibration.estimate(periods, PlacementMapping.defaults(), asAt, 3, dataStart);
        assertEquals(dataStart, e.windowStart(), "the 3-year window is clipped to the returns");
        assertEquals(3, e.entries().events(), "B, C and D entered; A was already in care");
        long exits = 0;
        for (Calibration.Rate r : e.exitRates()) {
            exits += r.events();
        }
        assertEquals(1, exits, "only D's exit counts; C left at 18");
        assertEquals(2, e.inCareOnAsAt().size(), "A and B are in care on the as-at date");
        Calibration.StockChild a = e.inCareOnAsAt().get(0);
        assertEquals(731, a.daysInCare(), "A's days in care count from the first return: a floor");
        assertEquals(11.25, a.ageYears(), 0.01);
    }

    @Test
    void theChildrenAtTheStartAreWrittenWithoutIdentifiersAndReadBackExactly(@TempDir Path tmp) throws Exception {
        LocalDate asAt = LocalDate.of(2021, 4, 1);
        SyntheticReturns truth = new SyntheticReturns(new SyntheticReturns.Parameters(
                12, new double[] {0.15, 0.15, 0.15, 0.3, 0.25}, new double[] {0.8, 0.5, 0.3, 0.2, 0.4}, 0.6, 0.25,
                new double[] {1.5, 1.0, 0.6}, 0, 2), LocalDate.of(2005, 4, 1), asAt, 11);
        List<List<Path>> files = truth.write(tmp, 2017, 2021);
        Ssda903Reader.Returns returns = Ssda903Reader.read(files.get(0), files.get(1), new ProblemLog(false));
        PlacementMapping mapping = PlacementMapping.defaults();
        Calibration.Estimates e = Calibration.estimate(CareHistory.build(returns), mapping, asAt, 3, returns.firstDay());
        String csv = CalibratedScenario.childrenCsv(e, mapping);
        Files.writeString(tmp.resolve("s-children.csv"), csv);
        String yaml = CalibratedScenario.yaml(e, mapping, "synthetic", "default", 12, 1, "s-children.csv");
        Files.writeString(tmp.resolve("s.yaml"), yaml);
        var model = ModelCompiler.compile(ScenarioReader.read(tmp.resolve("s.yaml")));
        assertEquals(truth.inCareOn(asAt), model.initial().size(), "every child in care on the as-at date, once");
        assertEquals(truth.inCareOn(asAt) + 1, csv.lines().count());
        // Only these five columns, so no identifier can be in it: a type, a pathway, an age and two day counts.
        assertEquals(CalibratedScenario.CHILDREN_HEADER, csv.lines().findFirst().orElseThrow());
        List<String> types = mapping.types().stream().map(PlacementMapping.Type::id).toList();
        assertTrue(csv.lines().skip(1).allMatch(line -> {
            String[] cells = line.split(",");
            return cells.length == 5 && types.contains(cells[0]) && cells[1].startsWith("via_")
                    && Double.parseDouble(cells[2]) < 18 && cells[3].matches("\\d+") && cells[4].matches("\\d+");
        }), csv);
    }
}
