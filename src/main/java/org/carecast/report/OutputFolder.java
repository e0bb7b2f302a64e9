package org.carecast.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder that carecast writes completely or not at all, and that replaces only an
 * earlier output of its own: never a file, a folder holding anything carecast did not write,
 * or a carecast output a user has since edited ({@link OutputManifest} records what was
 * written). Call {@link #prepare} before simulating, so that a bad location is an error before
 * minutes of work, then {@link #write}.
 *
 * <p>Where the file system has symbolic links (Linux, macOS), a folder looks like this:
 * <pre>
 *   out/x/report.html            -&gt; .carecast/current/report.html   (one link per entry)
 *   out/x/.carecast/current      -&gt; v-20261130T102300-1a2b        (the version readers see)
 *   out/x/.carecast/v-.../...    the files of that version, with carecast-manifest.json
 *   out/x/.carecast/lock         held while a run updates the folder
 * </pre>
 * A new version is written beside the current one and made current by renaming one link over
 * another, which is atomic: at no moment does a reader find the output missing or half
 * written, and a run killed at any point leaves the old or the new complete output (the next
 * run removes what it left). Two runs on one folder take turns under the lock. The first
 * output is built in a hidden folder beside the target and renamed into place.
 *
 * <p>Without links (Windows without the privilege to make them), the folder holds the files
 * themselves and is replaced by two renames; a run killed between them leaves the earlier
 * output in a hidden folder beside it, which the next run puts back before replacing it.
 *
 * <p>Folders and files are created with the default permissions, so they follow the user's
 * umask (colleagues on a shared drive can read them).
 */
public final class OutputFolder {

    /** Writes files into a folder it is given. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    static final String STATE = ".carecast";
    static final String CURRENT = "current";
    static final String LOCK = "lock";
    private static final String PENDING = "current.pending";
    private static final Pattern VERSION = Pattern.compile("v-[0-9TZ]+-[0-9a-f]+");
    private static final Pattern STAGING = Pattern.compile("\\.(.+)\\.carecast-(new|old)-([A-Za-z0-9]+)-(\\d+)-[0-9a-f]+");
    /** Free space below which a run is refused before it starts: larger than any output written. */
    static final long MIN_FREE_BYTES = 64L << 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** File locks are per process; threads of one process take turns here first. */
    private static final ConcurrentHashMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    /**
     * Called after each step of a write with the step's name; tests set it to halt the process
     * there, as kill -9 would, and check what a reader then finds.
     */
    static volatile java.util.function.Consumer<String> afterStep = step -> { };

    private final Path target;
    private final String shown;
    private final String version;
    private final String command;

    private OutputFolder(Path target, String shown, String version, String command) {
        this.target = target;
        this.shown = shown;
        this.version = version;
        this.command = command;
    }

    /**
     * Checks that {@code target} can take this output: it does not exist (and its parent can be
     * made and written), is an empty folder, or is an unchanged earlier carecast output; and
     * that the disk has room.
     *
     * @throws OutputLocationException saying what is there and how to proceed
     */
    public static OutputFolder prepare(Path target, String version, String command) {
        String name = target.toString();
        if (name.isBlank()) {
            throw new OutputLocationException("the output folder name is empty; give a folder, for example --out out/my-run");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new OutputLocationException("the output folder name holds a control character (a line break or tab?);"
                    + " give a plain folder name");
        }
        OutputFolder folder = new OutputFolder(target.toAbsolutePath().normalize(), target.toString(), version, command);
        folder.check();
        return folder;
    }

    /** The folder, absolute. */
    public Path path() {
        return target;
    }

    /**
     * Writes the output: {@code contents} fills a fresh folder, a manifest is added, and the
     * result replaces the earlier output in one step.
     *
     * @throws OutputLocationException when the location is refused or writing fails; any earlier
     *                                 output is then unchanged
     */
    public void write(Contents contents) {
        Object turn = IN_PROCESS.computeIfAbsent(target, p -> new Object());
        synchronized (turn) {
            try {
                Files.createDirectories(target.getParent());
                cleanStaleStaging();
                for (int attempt = 0; ; attempt++) {
                    Kind kind = inspectLocked();
                    if (kind == Kind.MISSING) {
                        if (writeFresh(contents) || attempt >= 3) {
                            return;
                        }
                        continue; // another run created the folder meanwhile: join it
                    }
                    if (kind == Kind.PLAIN || (kind == Kind.EMPTY && !linksWork(target))) {
                        replacePlain(contents, kind);
                    } else {
                        updateLinked(contents);
                    }
                    return;
                }
            } catch (OutputLocationException e) {
                throw e;
            } catch (IOException | UncheckedIOException e) {
                IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                throw new OutputLocationException("could not write the output folder " + shown + ": " + describe(io)
                        + "; any earlier output there is unchanged", io);
            }
        }
    }

    // ---- what is at the target ----

    private enum Kind { MISSING, EMPTY, LINKED, PLAIN }

    private void check() {
        Kind kind = inspectLocked();
        Path probeIn = switch (kind) {
            case MISSING -> nearestExisting(target);
            case EMPTY -> target;
            case LINKED -> target.resolve(STATE);
            case PLAIN -> target.getParent();
        };
        if (!Files.isDirectory(probeIn)) {
            throw new OutputLocationException("cannot make the output folder " + shown + ": " + probeIn
                    + " is a file, not a folder; choose another output folder");
        }
        Path probe = probeIn.resolve(".carecast-probe-" + ProcessHandle.current().pid() + "-" + random());
        try {
            Files.createDirectory(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new OutputLocationException("cannot write the output folder " + shown + ": " + describe(e)
                    + " (in " + probeIn + "); choose another output folder", e);
        }
        try {
            long free = Files.getFileStore(probeIn).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new OutputLocationException(String.format(Locale.ROOT,
                        "not enough room for the output folder %s: %.1f MB free on its disk, carecast needs at least %d MB;"
                                + " free some space or choose another output folder", shown, free / 1048576.0, MIN_FREE_BYTES >> 20));
            }
        } catch (IOException e) {
            // The free space cannot be read on every file system; writing will say if it runs out.
        }
    }

    /**
     * As {@link #inspect}, holding the folder's lock when it has one, so that another run's
     * update in progress (a version half written, an old one being removed) is not mistaken
     * for files carecast did not write.
     */
    private Kind inspectLocked() {
        Path lockFile = target.resolve(STATE).resolve(LOCK);
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return inspect();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = lock(channel)) {
            return inspect();
        } catch (IOException e) {
            return inspect();
        }
    }

    private Kind inspect() {
        if (Files.isSymbolicLink(target)) {
            throw refused("is a symbolic link; give the folder it points to, or another output folder");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (target.getParent() == null) {
                throw refused("is the root of the file system; choose an output folder");
            }
            return Kind.MISSING;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refused("is an existing file, not a folder; carecast will not overwrite it. Choose another output folder");
        }
        try {
            List<String> entries = new ArrayList<>(list(target));
            entries.removeIf(OutputFolder::isProbe);
            if (entries.isEmpty()) {
                return Kind.EMPTY;
            }
            Path state = target.resolve(STATE);
            if (Files.isDirectory(state, LinkOption.NOFOLLOW_LINKS)) {
                checkLinked(entries, state);
                return Kind.LINKED;
            }
            OutputManifest manifest = OutputManifest.readFrom(target);
            if (manifest != null && !Files.isSymbolicLink(target.resolve(OutputManifest.FILE))) {
                List<String> changed = manifest.differences(target);
                if (!changed.isEmpty()) {
                    throw edited(changed);
                }
                return Kind.PLAIN;
            }
            throw foreign(entries);
        } catch (IOException e) {
            throw new OutputLocationException("cannot read the output folder " + shown + ": " + describe(e), e);
        }
    }

    private void checkLinked(List<String> entries, Path state) throws IOException {
        List<String> strangers = new ArrayList<>();
        for (String name : entries) {
            if (!name.equals(STATE) && !isOurLink(target.resolve(name), name)) {
                strangers.add(name);
            }
        }
        for (String name : list(state)) {
            Path p = state.resolve(name);
            boolean ours = isProbe(name) || name.equals(LOCK) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    || (name.equals(CURRENT) || name.equals(PENDING)) && Files.isSymbolicLink(p)
                    && VERSION.matcher(Files.readSymbolicLink(p).toString()).matches()
                    || VERSION.matcher(name).matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            if (!ours) {
                strangers.add(STATE + "/" + name);
            }
        }
        if (!strangers.isEmpty()) {
            throw foreign(strangers);
        }
        String current = current(state);
        if (current != null) {
            Path version = state.resolve(current);
            OutputManifest manifest = OutputManifest.readFrom(version);
            if (manifest == null) {
                throw foreign(List.of(STATE + "/" + current));
            }
            List<String> changed = manifest.differences(version);
            if (!changed.isEmpty()) {
                throw edited(changed);
            }
        }
    }

    /**
     * A probe another run makes for a moment to test that it can write here (see check and
     * linksWork): carecast's own, never a user's file.
     */
    private static boolean isProbe(String name) {
        return name.startsWith(".carecast-probe-") || name.startsWith(".carecast-link-probe-");
    }

    private static boolean isOurLink(Path link, String name) throws IOException {
        return Files.isSymbolicLink(link)
                && Files.readSymbolicLink(link).toString().replace('\\', '/').equals(STATE + "/" + CURRENT + "/" + name);
    }

    /** The version the {@code current} link names, or null before the first one is made current. */
    private static String current(Path state) throws IOException {
        Path link = state.resolve(CURRENT);
        if (!Files.isSymbolicLink(link)) {
            return null;
        }
        String name = Files.readSymbolicLink(link).toString();
        return Files.isDirectory(state.resolve(name), LinkOption.NOFOLLOW_LINKS) ? name : null;
    }

    private OutputLocationException refused(String what) {
        return new OutputLocationException("the output folder " + shown + " " + what + ".");
    }

    private OutputLocationException foreign(List<String> names) {
        return refused("holds files carecast did not write (" + sample(names) + "); carecast replaces only an"
                + " output folder it wrote itself. Choose another output folder, or move those files away yourself");
    }

    private OutputLocationException edited(List<String> changes) {
        return refused("is an earlier carecast output that has been changed since (" + sample(changes)
                + "); carecast will not overwrite what it did not write. Move the folder or those files away,"
                + " or choose another output folder");
    }

    private static String sample(List<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        String shown = String.join(", ", sorted.subList(0, Math.min(3, sorted.size())));
        return sorted.size() > 3 ? shown + " and " + (sorted.size() - 3) + " more" : shown;
    }

    // ---- writing ----

    /**
     * Builds the whole output in a hidden folder beside the target and renames it into place.
     *
     * @return false when the target appeared meanwhile (another run), so nothing was written
     */
    private boolean writeFresh(Contents contents) throws IOException {
        Path staging = staging("new");
        Files.createDirectory(staging);
        try {
            if (linksWork(staging)) {
                Path state = Files.createDirectory(staging.resolve(STATE));
                Files.createFile(state.resolve(LOCK));
                String id = newVersion(state, contents);
                for (String name : list(state.resolve(id))) {
                    link(staging, name);
                }
                Files.createSymbolicLink(state.resolve(CURRENT), Path.of(id));
            } else {
                fill(staging, contents);
            }
                afterStep.accept("fresh staged");
            try {
                // rename(2) also replaces an empty folder another run made meanwhile.
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                afterStep.accept("fresh renamed");
                return true;
            } catch (IOException e) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
                throw e;
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** Writes a new version inside the folder and makes it current by renaming one link. */
    private void updateLinked(Contents contents) throws IOException {
        Path state = target.resolve(STATE);
        try {
            Files.createDirectory(state);
        } catch (FileAlreadyExistsException e) {
            // an output (or a run killed before its first version) is there already
        }
        try (FileChannel channel = FileChannel.open(state.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lock(channel)) {
            if (inspect() != Kind.LINKED) {
                throw refused("changed while carecast was writing to it");
            }
            String old = current(state);
            removeLeftovers(state, old);
            afterStep.accept("leftovers of a killed run removed");
            String id;
            try {
                id = newVersion(state, contents);
            } catch (IOException | RuntimeException e) {
                removeLeftovers(state, old);
                throw e;
            }
            List<String> names = list(state.resolve(id));
            for (String name : names) {
                if (!Files.exists(target.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    link(target, name);
                }
            }
            afterStep.accept("links made");
            Path pending = state.resolve(PENDING);
            Files.deleteIfExists(pending);
            Files.createSymbolicLink(pending, Path.of(id));
            afterStep.accept("pending link made");
            Files.move(pending, state.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
            afterStep.accept("current swapped");
            removeLeftovers(state, id);
            afterStep.accept("old version removed");
        }
    }

    /**
     * Removes what a killed or earlier run left in the folder: versions other than
     * {@code keep}, a pending link, and links to names {@code keep} does not have.
     */
    private void removeLeftovers(Path state, String keep) throws IOException {
        for (String name : list(state)) {
            if (VERSION.matcher(name).matches() && !name.equals(keep)) {
                deleteTree(state.resolve(name));
            }
        }
        Files.deleteIfExists(state.resolve(PENDING));
        List<String> kept = keep == null ? List.of() : list(state.resolve(keep));
        for (String name : list(target)) {
            if (!name.equals(STATE) && !kept.contains(name) && isOurLink(target.resolve(name), name)) {
                Files.delete(target.resolve(name));
            }
        }
    }

    /** Replaces a folder holding the files themselves (no links): two renames. */
    private void replacePlain(Contents contents, Kind kind) throws IOException {
        Path staging = staging("new");
        Files.createDirectory(staging);
        try {
            fill(staging, contents);
            afterStep.accept("plain staged");
            if (kind == Kind.EMPTY) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.delete(target); // a platform that will not rename onto an empty folder
                    Files.move(staging, target);
                }
                return;
            }
            Path old = staging("old");
            move(target, old);
            afterStep.accept("plain old moved aside");
            move(staging, target);
            afterStep.accept("plain new moved in");
            deleteTree(old);
        } finally {
            deleteTree(staging);
        }
    }

    private String newVersion(Path state, Contents contents) throws IOException {
        String id = "v-" + java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)) + "-" + random();
        Path version = Files.createDirectory(state.resolve(id));
        try {
            fill(version, contents);
            afterStep.accept("version written");
        } catch (IOException | RuntimeException e) {
            deleteTree(version);
            throw e;
        }
        return id;
    }

    private void fill(Path folder, Contents contents) throws IOException {
        contents.writeInto(folder);
        OutputManifest.of(folder, version, command).writeInto(folder);
    }

    private static void link(Path folder, String name) throws IOException {
        Files.createSymbolicLink(folder.resolve(name), Path.of(STATE, CURRENT, name));
    }

    private static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(50); // another class loader of this process holds it
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the output folder", interrupted);
                }
            }
        }
    }

    // ---- hidden folders beside the target ----

    private Path staging(String kind) {
        return target.resolveSibling("." + target.getFileName() + ".carecast-" + kind + "-" + host() + "-"
                + ProcessHandle.current().pid() + "-" + random());
    }

    /**
     * Removes hidden folders beside the target that a run on this machine left when it was
     * killed (its process is gone); puts back an earlier output that a killed plain
     * replacement had moved aside.
     */
    private void cleanStaleStaging() throws IOException {
        for (String name : list(target.getParent())) {
            Matcher m = STAGING.matcher(name);
            if (!m.matches() || !m.group(1).equals(target.getFileName().toString()) || !m.group(3).equals(host())) {
                continue;
            }
            Path stale = target.resolveSibling(name);
            if (ProcessHandle.of(Long.parseLong(m.group(4))).map(ProcessHandle::isAlive).orElse(false)
                    || !Files.isDirectory(stale, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (m.group(2).equals("old") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && OutputManifest.readFrom(stale) != null) {
                move(stale, target);
            } else {
                deleteTree(stale);
            }
        }
    }

    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name == null) {
            name = System.getenv("COMPUTERNAME");
        }
        if (name == null) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "host";
            }
        }
        String clean = name.replaceAll("[^A-Za-z0-9]", "");
        return clean.isEmpty() ? "host" : clean;
    }

    private static boolean linksWork(Path folder) {
        Path probe = folder.resolve(".carecast-link-probe-" + random());
        try {
            Files.createSymbolicLink(probe, Path.of("x"));
            Files.delete(probe);
            return !Boolean.getBoolean("carecast.plainOutput");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static Path nearestExisting(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.getRoot() : p;
    }

    private static List<String> list(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String random() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String describe(IOException e) {
        String reason = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return reason == null ? e.getClass().getSimpleName() : reason;
    }

    /** Deletes a folder carecast made, without following links out of it. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
