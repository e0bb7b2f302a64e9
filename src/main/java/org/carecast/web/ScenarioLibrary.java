package org.carecast.web;

import org.carecast.scenario.RegionReader;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioException;
import org.carecast.scenario.ScenarioReader;
import org.carecast.scenario.ScenarioValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenario files of one folder (and the region files among them), the only files the web
 * app reads scenarios from or saves them to. A request names a scenario by its file name alone: anything with a path separator,
 * a leading dot, or a name that resolves outside the folder (a symbolic link leading out) is
 * not found, so no request can reach another file.
 */
public final class ScenarioLibrary {

    /** A scenario's file name: letters, digits, '.', '_' and '-', ending .yaml or .yml. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.ya?ml");

    /** The name a user gives a new scenario: lower-case words joined by hyphens. */
    static final Pattern NEW_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /**
     * One scenario file as the list shows it.
     *
     * @param file        its file name
     * @param title       its {@code name:} (the file name when it cannot be read)
     * @param description its description, or ""
     * @param start       its first day (1 April 2025), or ""
     * @param horizon     its length in months, or 0
     * @param extendsFrom the files it names in {@code extends}, or ""
     * @param error       why it cannot be read (the command line's message), or "" when it can
     * @param region      for a region file (councils that share places, run with {@code carecast
     *                    region}): its councils, each "id (scenario file)", and the types they
     *                    share with the allocation rule; null for a scenario
     */
    public record Entry(String file, String title, String description, String start, int horizon, String extendsFrom,
                        String error, Region region) {

        /** Whether this is a region file rather than a scenario. */
        public boolean isRegion() {
            return region != null;
        }
    }

    /**
     * What a region file lists, in words.
     *
     * @param councils each council as "id (its scenario file)", in order
     * @param shared   each shared type with its allocation rule, such as "regional_home, first come first served"
     */
    public record Region(List<String> councils, List<String> shared) {
    }

    private final Path folder;

    /**
     * Entries already read, each with every file it was read from (the file, what it extends,
     * its data files; a region's councils' too) as they were then: the list page is drawn on
     * every visit, and reading the folder's scenarios again each time took about 80 ms. An
     * entry is read again as soon as any of its files changes; one that could not be read is
     * never kept (the file it needs may appear).
     */
    private final java.util.Map<Path, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

    private record Known(Entry entry, java.util.Map<Path, Stamp> files) {
        boolean current() {
            for (java.util.Map.Entry<Path, Stamp> f : files.entrySet()) {
                if (!f.getValue().equals(Stamp.of(f.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A file as it stands: when it was last changed and its size (null when it cannot be read). */
    private record Stamp(java.nio.file.attribute.FileTime modified, long size) {
        static Stamp of(Path file) {
            try {
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                        java.nio.file.attribute.BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime(), a.size());
            } catch (IOException e) {
                return null;
            }
        }
    }

    ScenarioLibrary(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("scenarios folder not found: " + folder);
        }
        this.folder = folder.toRealPath();
    }

    /** The folder, resolved. */
    Path folder() {
        return folder;
    }

    /** The scenario file called {@code name} in the folder, if there is one. */
    Optional<Path> find(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        try {
            if (!Files.isRegularFile(file) || !file.toRealPath().getParent().equals(folder)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** Every scenario file in the folder, by file name. */
    List<Entry> list() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        }
        List<Entry> out = new ArrayList<>();
        for (Path file : files) {
            out.add(entry(file));
        }
        return out;
    }

    /** One file's entry; a file that cannot be read is listed with the command line's message. */
    Entry entry(Path file) {
        Known before = known.get(file);
        if (before != null && before.current()) {
            return before.entry();
        }
        List<Path> readFrom = new ArrayList<>();
        // The file is stamped before it is read, so a change made while it is read is seen next
        // time; the files it names are stamped as soon as they are known, just after.
        java.util.Map<Path, Stamp> stamps = new java.util.HashMap<>();
        stamps.put(file, Stamp.of(file));
        Entry entry = read(file, readFrom);
        for (Path f : readFrom) {
            stamps.putIfAbsent(f, Stamp.of(f));
        }
        if (entry.error().isEmpty() && !stamps.containsValue(null)) {
            known.put(file, new Known(entry, stamps));
        } else {
            known.remove(file);
        }
        return entry;
    }

    /** Reads one file's entry, adding every file it was read from to {@code readFrom}. */
    private Entry read(Path file, List<Path> readFrom) {
        String name = file.getFileName().toString();
        if (RegionReader.isRegion(file)) {
            try {
                RegionReader.Region r = RegionReader.read(file, List.of());
                List<String> councils = r.councils().stream()
                        .map(c -> c.id() + " (" + c.file().getFileName() + ")").toList();
                List<String> shared = new ArrayList<>();
                for (int p = 0; p < r.pooledTypes().size(); p++) {
                    shared.add(r.pooledTypes().get(p) + ", " + r.pooled().get(p).rule());
                }
                for (RegionReader.Council c : r.councils()) {
                    readFrom.add(c.file());
                    readFrom.addAll(c.scenario().central().sources());
                }
                Scenario first = r.councils().get(0).scenario().central();
                return new Entry(name, r.name(), r.description().trim(), first.start().format(
                        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)),
                        first.horizonMonths(), "", "", new Region(councils, shared));
            } catch (ScenarioException e) {
                return new Entry(name, name, "", "", 0, "", e.getMessage(), new Region(List.of(), List.of()));
            }
        }
        String extendsFrom = "";
        try {
            for (ScenarioValues.Value row : ScenarioValues.ofFile(file).values()) {
                if (row.path().equals("extends") || row.path().startsWith("extends[")) {
                    extendsFrom = (extendsFrom.isEmpty() ? "" : extendsFrom + ", ") + row.text().replaceAll("[\\[\\]]", "");
                }
            }
        } catch (RuntimeException e) {
            // The reader below says what is wrong with the file.
        }
        try {
            Scenario s = ScenarioReader.read(file);
            readFrom.addAll(s.sources());
            return new Entry(name, s.name(), s.description() == null ? "" : s.description().trim(),
                    s.start().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)),
                    s.horizonMonths(), extendsFrom, "", null);
        } catch (ScenarioException e) {
            return new Entry(name, name, "", "", 0, extendsFrom, e.getMessage(), null);
        }
    }
}
