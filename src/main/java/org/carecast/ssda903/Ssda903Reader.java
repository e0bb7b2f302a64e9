package org.carecast.ssda903;

import org.carecast.scenario.CsvTable;
import org.carecast.scenario.InputFile;
import org.carecast.scenario.ScenarioException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads SSDA903 header and episodes files, several collection years at once, into checked
 * records. Dates may be dd/mm/yyyy (as councils' systems export them) or ISO yyyy-mm-dd.
 *
 * <p>Years overlap: an episode open at one year end appears again, usually closed, in the next
 * year's file. Episodes are therefore merged by (CHILD, DECOM), the row from the latest file
 * (in the order given) winning, and exact repeats are counted as merged, not as problems. A
 * header row likewise comes from the latest file that has the child.
 *
 * <p>Rows with an unparseable date or an unknown code become {@link Problem}s in the
 * {@link ProblemLog} (or stop the read in strict mode); nothing is dropped silently.
 */
public final class Ssda903Reader {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> HEADER_COLUMNS = List.of("CHILD", "SEX", "DOB");
    /** Columns read where a return has them: the placement's location in or out of the council's area. */
    private static final List<String> OPTIONAL_COLUMNS = List.of("PL_LOCATION", "DUC");
    private static final List<String> EPISODE_COLUMNS = List.of("CHILD", "DECOM", "RNE", "LS", "PLACE",
            "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE");

    /**
     * What was read.
     *
     * @param children       header rows by child
     * @param episodes       usable episodes, merged across files, in no particular order
     * @param episodeRows    data rows read from the episodes files
     * @param mergedRepeats  rows that repeated an episode already read (same CHILD and DECOM)
     * @param problems       rows that could not be used
     * @param coverage       the collection year each episodes file covers, oldest first
     * @param reordered      whether the episodes files were given in another order (they are
     *                       merged oldest first whatever the order given)
     */
    public record Returns(Map<String, ChildRecord> children, List<Episode> episodes, long episodeRows,
                          long mergedRepeats, ProblemLog problems, List<Coverage> coverage, boolean reordered) {

        /** The first day any return covers, or null when no file had a usable episode. */
        public LocalDate firstDay() {
            return coverage.isEmpty() ? null : coverage.get(0).from();
        }

        /** The last day any return covers (a 31 March), or null when none had a usable episode. */
        public LocalDate lastDay() {
            return coverage.stream().map(Coverage::to).max(LocalDate::compareTo).orElse(null);
        }

        /** Pairs of files that cover the same collection year, e.g. a year given twice. */
        public List<String> sameYear() {
            List<String> found = new ArrayList<>();
            for (int i = 1; i < coverage.size(); i++) {
                if (coverage.get(i).to().equals(coverage.get(i - 1).to())) {
                    found.add(coverage.get(i - 1).file().getFileName() + " and " + coverage.get(i).file().getFileName());
                }
            }
            return found;
        }
    }

    /**
     * The collection year (1 April to 31 March) an episodes file covers, taken from the latest
     * start date in it: a return holds the episodes open at any time in its year, so none starts
     * after it (an end date may, in some councils' files, fall a day or two after it).
     */
    public record Coverage(Path file, LocalDate from, LocalDate to) {
    }

    private record YearOfEpisodes(Path file, List<Episode> episodes, Coverage coverage) {
    }

    private static Coverage coverage(List<Episode> episodes) {
        LocalDate latest = null;
        for (Episode e : episodes) {
            latest = latest == null || e.start().isAfter(latest) ? e.start() : latest;
        }
        if (latest == null) {
            return null;
        }
        LocalDate end = LocalDate.of(latest.getMonthValue() >= 4 ? latest.getYear() + 1 : latest.getYear(), 3, 31);
        return new Coverage(episodes.get(0).file(), end.minusYears(1).plusDays(1), end);
    }

    private Ssda903Reader() {
    }

    public static Returns read(List<Path> headerFiles, List<Path> episodeFiles, ProblemLog problems) {
        Map<String, ChildRecord> children = new LinkedHashMap<>();
        for (Path file : headerFiles) {
            for (Map.Entry<Long, Map<String, String>> numbered : rows(file, HEADER_COLUMNS, problems, new long[1])) {
                long row = numbered.getKey();
                Map<String, String> r = numbered.getValue();
                String child = field(r, "CHILD");
                if (child.isEmpty()) {
                    problems.add(new Problem(Problem.Kind.MISSING_CHILD, file, row, "CHILD is empty"));
                    continue;
                }
                LocalDate birth = date(field(r, "DOB"), file, row, "DOB", problems);
                if (birth != null) {
                    children.put(child, new ChildRecord(child, field(r, "SEX"), birth));
                }
            }
        }
        long[] rowsRead = {0};
        List<YearOfEpisodes> years = new ArrayList<>();
        for (Path file : episodeFiles) {
            List<Episode> episodes = new ArrayList<>();
            for (Map.Entry<Long, Map<String, String>> numbered : rows(file, EPISODE_COLUMNS, problems, rowsRead)) {
                Episode e = episode(numbered.getValue(), file, numbered.getKey(), problems);
                if (e != null) {
                    episodes.add(e);
                }
            }
            years.add(new YearOfEpisodes(file, episodes, coverage(episodes)));
        }
        // A later return's copy of an episode wins, whatever order the files were given in: a
        // year given after a later one would otherwise reopen episodes the later one closed.
        List<YearOfEpisodes> oldestFirst = years.stream()
                .sorted(java.util.Comparator.comparing(y -> y.coverage() == null ? LocalDate.MIN : y.coverage().to()))
                .toList();
        Map<String, Episode> byKey = new LinkedHashMap<>();
        long repeats = 0;
        for (YearOfEpisodes year : oldestFirst) {
            for (Episode e : year.episodes()) {
                if (byKey.put(e.child() + "|" + e.start(), e) != null) {
                    repeats++;
                }
            }
        }
        List<Coverage> coverage = oldestFirst.stream().map(YearOfEpisodes::coverage).filter(java.util.Objects::nonNull).toList();
        return new Returns(children, new ArrayList<>(byKey.values()), rowsRead[0], repeats, problems, coverage,
                !oldestFirst.equals(years));
    }

    private static Episode episode(Map<String, String> r, Path file, long row, ProblemLog problems) {
        String child = field(r, "CHILD");
        if (child.isEmpty()) {
            problems.add(new Problem(Problem.Kind.MISSING_CHILD, file, row, "CHILD is empty"));
            return null;
        }
        LocalDate start = date(field(r, "DECOM"), file, row, "DECOM", problems);
        if (start == null) {
            return null;
        }
        String endText = field(r, "DEC");
        LocalDate end = null;
        if (!endText.isEmpty()) {
            end = date(endText, file, row, "DEC", problems);
            if (end == null) {
                return null;
            }
            if (end.isBefore(start)) {
                problems.add(new Problem(Problem.Kind.ENDS_BEFORE_START, file, row,
                        "child " + child + ": DEC " + end + " is before DECOM " + start));
                return null;
            }
        }
        String place = field(r, "PLACE");
        String provider = field(r, "PLACE_PROVIDER");
        String rne = field(r, "RNE");
        String rec = field(r, "REC");
        if (!code(place, Ssda903Codes.PLACE, "PLACE", file, row, problems)
                || (!provider.isEmpty() && !code(provider, Ssda903Codes.PROVIDER, "PLACE_PROVIDER", file, row, problems))
                || !code(rne, Ssda903Codes.REASON_NEW_EPISODE, "RNE", file, row, problems)
                || (end != null && !code(rec, Ssda903Codes.REASON_CEASED, "REC", file, row, problems))) {
            return null;
        }
        String location = field(r, "PL_LOCATION").toUpperCase(java.util.Locale.ROOT);
        if (!location.isEmpty() && !location.equals("IN") && !location.equals("OUT")) {
            problems.add(new Problem(Problem.Kind.UNKNOWN_CODE, file, row, "PL_LOCATION '" + location
                    + "' is not an SSDA903 code (IN or OUT)"));
            location = "";
        }
        return new Episode(child, start, end, rne, field(r, "LS"), place, provider, end == null ? "" : rec,
                field(r, "REASON_PLACE_CHANGE"), location, file, row);
    }

    /** A column's text, trimmed; "" when the row is short of that column. */
    private static String field(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v.trim();
    }

    private static boolean code(String value, Set<String> allowed, String column, Path file, long row,
                                ProblemLog problems) {
        if (allowed.contains(value)) {
            return true;
        }
        problems.add(new Problem(Problem.Kind.UNKNOWN_CODE, file, row,
                column + " '" + value + "' is not an SSDA903 code"));
        return false;
    }

    /**
     * The children the returns' UASC tables list (columns CHILD and DUC, the date UASC status
     * ceased, empty while it has not), each with that date or {@link LocalDate#MAX}. A child in
     * several years' tables keeps the latest date. A bad date is a problem and the row is skipped.
     */
    public static Map<String, LocalDate> uasc(List<Path> files, ProblemLog problems) {
        Map<String, LocalDate> out = new java.util.HashMap<>();
        for (Path file : files) {
            for (Map.Entry<Long, Map<String, String>> row : rows(file, List.of("CHILD"), problems, new long[1])) {
                String child = row.getValue().get("CHILD").trim();
                String ceased = row.getValue().getOrDefault("DUC", "").trim();
                LocalDate until = ceased.isEmpty() ? LocalDate.MAX : date(ceased, file, row.getKey(), "DUC", problems);
                if (child.isEmpty() || until == null) {
                    continue;
                }
                out.merge(child, until, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return out;
    }

    /** A date in dd/mm/yyyy or yyyy-mm-dd, or null (and a problem) when it is neither. */
    static LocalDate date(String text, Path file, long row, String column, ProblemLog problems) {
        String t = text == null ? "" : text.trim();
        try {
            return t.contains("/") ? LocalDate.parse(t, UK_DATE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(Problem.Kind.BAD_DATE, file, row,
                    column + " '" + t + "' is not a date (expected dd/mm/yyyy or yyyy-mm-dd)"));
            return null;
        }
    }

    /**
     * The usable data rows of a CSV file as column-to-text maps (keys as in {@code required},
     * whatever the file's case), each with its line number; a malformed row (unbalanced quote,
     * more cells than the header) becomes a problem and is skipped; a missing column or an
     * unreadable file stops the read.
     */
    private static List<Map.Entry<Long, Map<String, String>>> rows(Path file, List<String> required, ProblemLog problems,
                                                                   long[] rowsRead) {
        CsvTable table;
        try {
            table = CsvTable.read(file, InputFile.Kind.RETURN);
        } catch (ScenarioException e) {
            throw new Ssda903Exception(file, e.location() == null ? 0 : e.location().line(), e.problem());
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String column : OPTIONAL_COLUMNS) {
            if (table.column(column) >= 0) {
                columns.put(column, table.column(column));
            }
        }
        for (String column : required) {
            int index = table.column(column);
            if (index < 0) {
                throw new Ssda903Exception(file, 1, "missing column " + column + "; expected the SSDA903 columns "
                        + required);
            }
            columns.put(column, index);
        }
        List<Map.Entry<Long, Map<String, String>>> out = new ArrayList<>();
        rowsRead[0] += table.rows().size();
        for (CsvTable.Row row : table.rows()) {
            if (row.problem() != null) {
                problems.add(new Problem(Problem.Kind.MALFORMED_ROW, file, row.line(), row.problem()));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            columns.forEach((name, index) -> cells.put(name, row.cell(index)));
            out.add(Map.entry(row.line(), cells));
        }
        return out;
    }
}
