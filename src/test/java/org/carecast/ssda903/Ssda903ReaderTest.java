package org.carecast.ssda903;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading SSDA903 returns: the third-party sample files (five collection years, MIT licence,
 * see src/test/resources/ssda903-sample) and a small file with every kind of bad row.
 */
class Ssda903ReaderTest {

    private static final Path SAMPLE = Path.of("src/test/resources/ssda903-sample");

    private static List<Path> files(String kind) {
        List<Path> out = new ArrayList<>();
        for (int year = 2017; year <= 2021; year++) {
            out.add(SAMPLE.resolve(year + "-" + kind + ".csv"));
        }
        return out;
    }

    @Test
    void fiveYearsOfSampleReturnsMergeIntoPeriodsOfCareWithEveryRowAccountedFor() {
        ProblemLog problems = new ProblemLog(false);
        Ssda903Reader.Returns returns = Ssda903Reader.read(files("header"), files("episodes"), problems);
        int readProblems = problems.all().size();
        // Every data row is an episode kept, a repeat of one, or a reported problem.
        assertEquals(returns.episodeRows(), returns.episodes().size() + returns.mergedRepeats() + readProblems);
        assertTrue(returns.mergedRepeats() > 100, "years overlap: " + returns.mergedRepeats());

        List<CareHistory.Period> periods = CareHistory.build(returns);
        long inPeriods = periods.stream().mapToLong(p -> p.episodes().size()).sum();
        // ... and every kept episode is in a period or reported (overlap, no header).
        assertEquals(returns.episodes().size(), inPeriods + problems.all().size() - readProblems);

        // Child 296227: open at the 2017 year end, closed in the 2018 file; the later row wins,
        // and the three episodes (S, P, L) make one period that ended at 18 with REC E17.
        CareHistory.Period p = periods.stream().filter(x -> x.child().equals("296227")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2017, 9, 11), p.start());
        assertEquals(LocalDate.of(2018, 11, 1), p.end());
        assertEquals("E17", p.reasonEnded());
        assertEquals(3, p.episodes().size());
        assertEquals(LocalDate.of(2018, 10, 2), p.episodes().get(1).end());
        assertEquals(LocalDate.of(2002, 6, 23), p.birth());
    }

    @Test
    void badRowsAreReportedWithFileAndRowAndStrictStopsAtTheFirst(@TempDir Path tmp) throws Exception {
        Path header = tmp.resolve("header.csv");
        Files.writeString(header, """
                CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
                1,1,2010-05-01,WBRI,,,
                2,2,01/02/2012,WBRI,,,
                3,1,31/02/2012,WBRI,,,
                """);
        Path episodes = tmp.resolve("episodes.csv");
        Files.writeString(episodes, """
                CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
                1,2020-01-01,S,C2,N1,U4,PR1,01/03/2020,X1,CARPL,,,
                1,01/03/2020,P,C2,N1,U5,PR4,,,,,,
                1,01/02/2020,P,C2,N1,U5,PR4,,,,,,
                2,05/05/2020,S,C2,N1,Q9,PR1,,,,,,
                2,05/05/2021,S,C2,N1,U4,PR1,01/01/2021,E11,,,,
                2,5 May 2021,S,C2,N1,U4,PR1,,,,,,
                9,01/01/2020,S,C2,N1,U4,PR1,,,,,,
                """);
        ProblemLog problems = new ProblemLog(false);
        Ssda903Reader.Returns returns = Ssda903Reader.read(List.of(header), List.of(episodes), problems);
        CareHistory.build(returns);
        Map<Problem.Kind, Integer> counts = problems.counts();
        assertEquals(Map.of(Problem.Kind.BAD_DATE, 2, Problem.Kind.UNKNOWN_CODE, 1, Problem.Kind.ENDS_BEFORE_START, 1,
                Problem.Kind.OVERLAP, 1, Problem.Kind.NO_HEADER, 1), counts);
        List<String> where = problems.all().stream().map(p -> p.file().getFileName() + ":" + p.row() + " " + p.kind()).toList();
        assertTrue(where.contains("header.csv:4 BAD_DATE"), where.toString());            // 31/02/2012
        assertTrue(where.contains("episodes.csv:5 UNKNOWN_CODE"), where.toString());      // PLACE Q9
        assertTrue(where.contains("episodes.csv:6 ENDS_BEFORE_START"), where.toString());
        assertTrue(where.contains("episodes.csv:7 BAD_DATE"), where.toString());          // 5 May 2021
        assertTrue(where.contains("episodes.csv:8 NO_HEADER"), where.toString());         // child 9
        assertTrue(where.contains("episodes.csv:4 OVERLAP"), where.toString());           // starts inside row 2's episode
        assertTrue(problems.all().get(0).toString().contains("header.csv:4: unparseable date: DOB '31/02/2012'"),
                problems.all().get(0).toString());
        // ISO and UK dates both read; the open episode stays open.
        assertNull(returns.episodes().stream().filter(e -> e.row() == 3).findFirst().orElseThrow().end());

        Ssda903Exception strict = assertThrows(Ssda903Exception.class,
                () -> Ssda903Reader.read(List.of(header), List.of(episodes), new ProblemLog(true)));
        assertEquals(4, strict.row());
        assertTrue(strict.getMessage().startsWith(header + ":4: unparseable date"), strict.getMessage());
    }

    @Test
    void aMissingColumnOrFileIsAnErrorNamingIt(@TempDir Path tmp) throws Exception {
        Path header = tmp.resolve("header.csv");
        Files.writeString(header, "CHILD,SEX\n1,1\n");
        Ssda903Exception e = assertThrows(Ssda903Exception.class,
                () -> Ssda903Reader.read(List.of(header), List.of(), new ProblemLog(false)));
        assertTrue(e.getMessage().contains("missing column DOB"), e.getMessage());
        Path missing = tmp.resolve("nope.csv");
        e = assertThrows(Ssda903Exception.class,
                () -> Ssda903Reader.read(List.of(missing), List.of(), new ProblemLog(false)));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }
}
