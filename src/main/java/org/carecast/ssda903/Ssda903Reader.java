package org.carecast.ssda903;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
     */
    public record Returns(Map<String, ChildRecord> children, List<Episode> episodes, long episodeRows,
                          long mergedRepeats, ProblemLog problems) {
    }

    private Ssda903Reader() {
    }

    public static Returns read(List<Path> headerFiles, List<Path> episodeFiles, ProblemLog problems) {
        Map<String, ChildRecord> children = new LinkedHashMap<>();
        for (Path file : headerFiles) {
            long row = 1;
            for (Map<String, String> r : rows(file, HEADER_COLUMNS)) {
                row++;
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
        Map<String, Episode> byKey = new LinkedHashMap<>();
        long rowsRead = 0;
        long repeats = 0;
        for (Path file : episodeFiles) {
            long row = 1;
            for (Map<String, String> r : rows(file, EPISODE_COLUMNS)) {
                row++;
                rowsRead++;
                Episode e = episode(r, file, row, problems);
                if (e != null && byKey.put(e.child() + "|" + e.start(), e) != null) {
                    repeats++;
                }
            }
        }
        return new Returns(children, new ArrayList<>(byKey.values()), rowsRead, repeats, problems);
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
        return new Episode(child, start, end, rne, field(r, "LS"), place, provider, end == null ? "" : rec,
                field(r, "REASON_PLACE_CHANGE"), file, row);
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

    /** The data rows of a CSV file as column-to-text maps; a missing column stops the read. */
    private static List<Map<String, String>> rows(Path file, List<String> required) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
            List<Map<String, String>> out = it.readAll();
            CsvSchema read = (CsvSchema) it.getParserSchema();
            for (String column : required) {
                if (read.column(column) == null) {
                    throw new Ssda903Exception(file, 1, "missing column " + column + "; expected the SSDA903 columns "
                            + required);
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new Ssda903Exception(file, 0, "no such file");
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new Ssda903Exception(file, 0, "no such file");
            }
            throw new Ssda903Exception(file, 0, "not readable as CSV: " + e.getMessage());
        }
    }
}
