package org.carecast.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every value a scenario file sets, with the comment that says where it comes from, for the
 * report's assumptions table. Read from the file's text rather than the parsed scenario
 * because YAML parsers drop comments, and the comments are the point: a reader must be able
 * to see which figures are published and which are assumptions.
 *
 * <p>A value's source is the comment on its own line (with the comment lines just below that
 * start in the same column: its continuation), or else the comment lines just above it. The
 * path names list items by their {@code id} where they have one.
 *
 * <p>A scenario that {@code extends} others is read from several files; {@link #of} lists each
 * file's values and says which of them a file of higher precedence sets again, for those do
 * not apply.
 */
public final class ScenarioAssumptions {

    /** One value set in the file: its line, its path (as {@code --set} takes it), its text and its source comment. */
    public record Row(int line, String field, String value, String source) {
    }

    /**
     * The values one file of a scenario sets.
     *
     * @param overriddenIn for each row, "" when it applies, else which file (of higher precedence)
     *                     sets it again and, when only some keys of a one-line mapping are set
     *                     again, which keys
     */
    public record FileRows(Path file, List<String> header, List<Row> rows, List<String> overriddenIn) {
    }

    /**
     * One file's values as a report table (line, field, value, source), with a last column
     * saying whether each applies when {@code applies} (a scenario read from several files).
     */
    static List<List<String>> table(FileRows file, boolean applies) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(applies ? List.of("Line", "Field", "Value", "Source", "Applies") : List.of("Line", "Field", "Value", "Source"));
        for (int i = 0; i < file.rows().size(); i++) {
            Row r = file.rows().get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.line()), r.field(), inWords(r.field(), r.value()), r.source()));
            if (applies) {
                String over = file.overriddenIn().get(i);
                row.add(over.isEmpty() ? "yes" : "no: set again in " + over);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Fields whose numbers are pounds. */
    private static final java.util.regex.Pattern MONEY_FIELD =
            java.util.regex.Pattern.compile(".*(Cost|Amount|Price|CostPerHub|byYear|budgetByYear)$");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * A value as a reader takes it in: pounds as money ("1100000" as "£1.10m", "950" as "£950"),
     * budgets by year as "2025/26: £2.50m", a range as "6,600 (PERT 6,100 to 7,300)", large
     * counts with separators. Anything else as written.
     */
    public static String inWords(String field, String value) {
        boolean money = MONEY_FIELD.matcher(field).matches();
        String v = value.trim();
        if (NUMBER.matcher(v).matches()) {
            return number(Double.parseDouble(v), money);
        }
        if (v.startsWith("{") && v.endsWith("}")) {
            java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
            for (String part : v.substring(1, v.length() - 1).split(",")) {
                int colon = part.indexOf(':');
                if (colon < 0) {
                    return value;
                }
                parts.put(part.substring(0, colon).trim().replace("\"", ""), part.substring(colon + 1).trim());
            }
            if (parts.containsKey("central") && parts.containsKey("low") && parts.containsKey("high")
                    && NUMBER.matcher(parts.get("central")).matches() && NUMBER.matcher(parts.get("low")).matches()
                    && NUMBER.matcher(parts.get("high")).matches()) {
                String shape = parts.getOrDefault("distribution", "pert").toUpperCase(java.util.Locale.ROOT);
                return number(Double.parseDouble(parts.get("central")), money) + " (" + (shape.equals("PERT") ? "PERT" : shape.toLowerCase(java.util.Locale.ROOT))
                        + " " + number(Double.parseDouble(parts.get("low")), money) + " to "
                        + number(Double.parseDouble(parts.get("high")), money) + ")";
            }
            if (money && parts.keySet().stream().allMatch(k -> k.matches("\\d{4}/\\d{2}"))
                    && parts.values().stream().allMatch(x -> NUMBER.matcher(x).matches())) {
                List<String> years = new ArrayList<>();
                parts.forEach((year, amount) -> years.add(year + ": " + number(Double.parseDouble(amount), true)));
                return String.join("; ", years);
            }
        }
        return value;
    }

    private static String number(double x, boolean money) {
        if (money) {
            return Math.abs(x) >= 1e6 ? Format.millions(x) : (x < 0 ? "-£" : "£") + String.format(java.util.Locale.ROOT, "%,.0f", Math.abs(x));
        }
        if (Math.abs(x) >= 10_000 && x == Math.rint(x)) {
            return String.format(java.util.Locale.ROOT, "%,.0f", x);
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }

    /** Reads one-line mappings found in a value, to know which keys it sets. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioAssumptions() {
    }

    /**
     * The values set in each YAML file of {@code sources} (a scenario's files in order of
     * precedence, the scenario first; data files are skipped), each marked with the file that
     * overrides it, if any: the same field set again, a list without ids given again (it
     * replaces the whole list), or an item removed by id.
     */
    public static List<FileRows> of(List<Path> sources) throws IOException {
        List<FileRows> out = new ArrayList<>();
        Map<String, String> setIn = new HashMap<>();
        Map<String, String> replacedIn = new HashMap<>();
        for (Path file : sources) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                continue;
            }
            List<Row> rows = read(file);
            List<String> overridden = new ArrayList<>();
            for (Row r : rows) {
                overridden.add(overriddenIn(r, setIn, replacedIn));
            }
            // Registered after this file's own rows are judged: a file does not override itself.
            for (Row r : rows) {
                for (String leaf : leaves(r).keySet()) {
                    setIn.putIfAbsent(leaf, name);
                }
                int list = r.field().indexOf("[-]");
                if (list >= 0 && !r.field().startsWith("extends")) {
                    replacedIn.putIfAbsent(r.field().substring(0, list + 3), name);
                }
                if (r.field().endsWith("]") && r.value().replace(" ", "").contains("remove:true")) {
                    replacedIn.putIfAbsent(r.field(), name);
                }
            }
            out.add(new FileRows(file, headerComment(file), rows, overridden));
        }
        return out;
    }

    private static String overriddenIn(Row r, Map<String, String> setIn, Map<String, String> replacedIn) {
        for (Map.Entry<String, String> e : replacedIn.entrySet()) {
            String prefix = e.getKey();
            if (r.field().equals(prefix) || r.field().startsWith(prefix + ".") || r.field().startsWith(prefix + "[")) {
                return e.getValue();
            }
        }
        Map<String, String> leaves = leaves(r);
        List<String> keys = new ArrayList<>();
        String by = null;
        for (Map.Entry<String, String> leaf : leaves.entrySet()) {
            String file = setIn.get(leaf.getKey());
            if (file != null) {
                keys.add(leaf.getValue());
                by = by == null ? file : by;
            }
        }
        if (by == null) {
            return "";
        }
        return keys.size() == leaves.size() ? by : by + " (" + String.join(", ", keys) + ")";
    }

    /**
     * The fields a row sets, each with its key: one, or one per key of a one-line mapping
     * ({@code {id: foster, weeklyCost: 650}} sets {@code ...weeklyCost}, its id only names it).
     */
    private static Map<String, String> leaves(Row r) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.field().equals("extends") || r.field().startsWith("extends[")) {
            return out;  // how the file is composed, not a value another file can set
        }
        String v = r.value();
        if (v.startsWith("{") && v.endsWith("}")) {
            for (String key : flowKeys(v)) {
                if (!key.equals("id")) {
                    out.put(r.field() + "." + key, key);
                }
            }
        }
        if (out.isEmpty() && !r.field().endsWith(".id")) {
            out.put(r.field(), r.field());
        }
        return out;
    }

    /** The keys of a one-line YAML mapping such as "{a: 1, b: {c: 2}}" (a and b), or none if it is not one. */
    private static List<String> flowKeys(String flow) {
        try {
            JsonNode node = YAML.readTree(flow);
            List<String> keys = new ArrayList<>();
            if (node != null && node.isObject()) {
                node.fieldNames().forEachRemaining(keys::add);
            }
            return keys;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The comment block at the top of the file (its list of sources, by convention), without the '#'. */
    static List<String> headerComment(Path file) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#")) {
                    break;
                }
                out.add(line.substring(1).startsWith(" ") ? line.substring(2) : line.substring(1));
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    static List<Row> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** One open mapping key or list item on the way down to the current line. */
    private record Level(int indent, String name) {
    }

    static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        Deque<Level> path = new ArrayDeque<>();
        StringBuilder above = new StringBuilder();
        // The comment block that opens the file is its header (headerComment), not a source.
        boolean inHeader = true;
        int blockIndent = -1;
        // The column of the last value's own comment, while comment lines below may continue it.
        int continuesAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int indent = indentOf(raw);
            if (blockIndent >= 0) {
                if (raw.isBlank() || indent > blockIndent) {
                    continue;  // inside a folded text block (description: >)
                }
                blockIndent = -1;
            }
            int hash = commentStart(raw);
            String code = hash < 0 ? raw : raw.substring(0, hash);
            String comment = hash < 0 ? "" : raw.substring(hash + 1).trim();
            if (inHeader && raw.startsWith("#")) {
                continue;
            }
            inHeader = false;
            if (code.isBlank()) {
                if (comment.isEmpty()) {
                    above.setLength(0);
                    continuesAt = -1;
                } else if (hash == continuesAt && !rows.isEmpty()) {
                    // Aligned under the last value's comment: the same sentence goes on.
                    Row last = rows.remove(rows.size() - 1);
                    rows.add(new Row(last.line(), last.field(), last.value(), last.source() + " " + comment));
                } else {
                    continuesAt = -1;
                    above.append(above.length() == 0 ? "" : " ").append(comment);
                }
                continue;
            }
            int rowsBefore = rows.size();
            String content = code.trim();
            if (content.startsWith("- ")) {
                content = content.substring(2).trim();
                while (!path.isEmpty() && path.peek().indent() >= indent) {
                    path.pop();
                }
                String id = content.startsWith("id:") ? content.substring(3).trim()
                        : content.startsWith("{") && content.contains("id:") ? idInFlow(content) : "-";
                path.push(new Level(indent, "[" + id + "]"));
                indent += 2;
            }
            while (!path.isEmpty() && path.peek().indent() >= indent) {
                path.pop();
            }
            String source = !comment.isEmpty() ? comment : above.toString();
            above.setLength(0);
            int colon = keyColon(content);
            if (colon < 0) {
                rows.add(new Row(i + 1, join(path, null), content, source));
                continuesAt = comment.isEmpty() ? -1 : hash;
                continue;
            }
            String key = unquote(content.substring(0, colon).trim());
            String value = content.substring(colon + 1).trim();
            if (value.startsWith(">") || value.startsWith("|")) {
                blockIndent = indent;
                continuesAt = -1;
                continue;
            }
            if (!value.isEmpty()) {
                rows.add(new Row(i + 1, join(path, key), value, source));
            }
            path.push(new Level(indent, key));
            continuesAt = rows.size() > rowsBefore && !comment.isEmpty() ? hash : -1;
        }
        return rows;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** Where a comment starts: a '#' at the start or after a space, outside quotes; -1 if none. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** The colon ending a plain or quoted key, or -1 when the content is a bare value (a flow item). */
    private static int keyColon(String content) {
        if (content.startsWith("{") || content.startsWith("[")) {
            return -1;
        }
        char quote = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static String idInFlow(String flow) {
        int at = flow.indexOf("id:") + 3;
        int end = at;
        while (end < flow.length() && ",}".indexOf(flow.charAt(end)) < 0) {
            end++;
        }
        return flow.substring(at, end).trim();
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    private static String join(Deque<Level> path, String key) {
        StringBuilder out = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            String name = it.next().name();
            if (out.length() > 0 && !name.startsWith("[")) {
                out.append('.');
            }
            out.append(name);
        }
        if (key != null) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(key);
        }
        return out.toString();
    }
}
