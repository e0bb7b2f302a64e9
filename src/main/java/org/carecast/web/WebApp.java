package org.carecast.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The web app: routes from pages to scenarios, forms and jobs. Every page is plain HTML with
 * GOV.UK Frontend styles and no script; a job's page refreshes itself while the job runs.
 *
 * <p>Security, in one place: pages are served with a content security policy that allows no
 * script at all and only this server's styles and images; every POST carries the visitor's
 * form token; uploads are capped; a request names scenarios by file name only (see
 * {@link ScenarioLibrary}) and job files only under that job's folder; a user sees only their
 * own jobs.
 */
public final class WebApp implements AutoCloseable {

    /** No script, nothing from elsewhere, no framing: the pages need none of it. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    /** A report written by a job: its own inline styles and pictures, still no script. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final WebConfig config;
    private final ScenarioLibrary library;
    private final JobQueue queue;
    private final Visitors visitors;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Path jobsRoot;
    private Javalin server;

    public WebApp(WebConfig config, CommandRunner runner) throws IOException {
        this.config = config;
        this.library = new ScenarioLibrary(config.scenarios());
        this.jobsRoot = Files.createDirectories(config.jobs()).toRealPath();
        this.queue = new JobQueue(runner, jobsRoot, config.maxJobs());
        this.visitors = new Visitors(config.userHeader());
    }

    /** Starts listening; returns the port (useful when the config asked for any free one). */
    public int start() {
        server = Javalin.create(this::configure).start(config.host(), config.port());
        return server.port();
    }

    @Override
    public void close() throws InterruptedException {
        queue.close();
        if (server != null) {
            server.stop();
        }
    }

    private void configure(JavalinConfig c) {
        c.startup.showJavalinBanner = false;
        c.staticFiles.enableWebjars();
        c.staticFiles.add(s -> {
            s.hostedPath = "/assets";
            s.directory = "/web";
            s.location = Location.CLASSPATH;
        });
        c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), SizeUnit.BYTES);
        c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes(), SizeUnit.BYTES);
        c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        c.http.maxRequestSize = 2L * 1024 * 1024;
        c.routes.before(ctx -> {
            ctx.header("Content-Security-Policy", PAGE_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Cache-Control", "no-store");
        });
        c.routes.get("/", this::index);
        c.routes.get("/scenarios/{file}", this::scenario);
        c.routes.post("/scenarios/{file}/save", this::save);
        c.routes.post("/scenarios/{file}/run", this::runScenario);
        c.routes.get("/regions/{file}", this::region);
        c.routes.post("/regions/{file}/run", this::runRegion);
        c.routes.get("/compare", this::compareForm);
        c.routes.post("/compare", this::compare);
        c.routes.get("/calibrate", this::calibrateForm);
        c.routes.post("/calibrate", this::calibrate);
        c.routes.get("/jobs", this::jobs);
        c.routes.get("/jobs/{id}", this::job);
        c.routes.post("/jobs/{id}/cancel", this::cancel);
        c.routes.post("/jobs/{id}/run", this::runCalibrated);
        c.routes.post("/jobs/{id}/keep", this::keepCalibrated);
        c.routes.get("/jobs/{id}/files/<path>", this::jobFile);
        c.routes.exception(HttpResponseException.class, (e, ctx) -> message(ctx, HttpStatus.forStatus(e.getStatus()),
                titleFor(e.getStatus()), e.getMessage()));
        c.routes.exception(Exception.class, (e, ctx) -> {
            if (tooLarge(e)) {
                drain(ctx);
                message(ctx, HttpStatus.CONTENT_TOO_LARGE, "The upload is too large",
                        "This server takes at most " + megabytes() + " MB in one upload. Upload fewer years at once,"
                                + " or ask whoever runs the server to raise --max-upload-mb.");
                return;
            }
            message(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                    "internal error: " + e + " (please report it with what you were doing)");
        });
        c.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                message(ctx, HttpStatus.NOT_FOUND, "Page not found", "There is nothing at " + ctx.path() + ".");
            }
        });
    }

    /**
     * Reads and drops what is left of a refused request's body, up to four times the upload
     * limit: a client still sending when the answer comes may otherwise see the connection
     * reset instead of the message. Beyond that the connection is left to close.
     */
    private void drain(Context ctx) {
        long left = 4 * config.maxUploadBytes();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = ctx.req().getInputStream()) {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // Nothing more to read, or the stream was already taken apart: the answer goes as it is.
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            // Jetty's words for a request or part over the multipart limits.
            if (m.contains("exceed") && (m.contains("size") || m.contains("max")) || m.contains("too large")) {
                return true;
            }
        }
        return false;
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Something in the form was not right";
            case 401 -> "Sign in first";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 413 -> "The upload is too large";
            case 503 -> "The queue is full";
            default -> "Something went wrong";
        };
    }

    private long megabytes() {
        return config.maxUploadBytes() / (1024 * 1024);
    }

    // ---------------------------------------------------------------- pages

    private void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    private void message(Context ctx, HttpStatus status, String title, String message) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", title);
        p.put("message", message);
        ctx.status(status);
        render(ctx, "message.jte", p);
    }

    private void index(Context ctx) throws IOException {
        visitors.of(ctx);
        Map<String, Object> p = new HashMap<>();
        p.put("scenarios", library.list());
        p.put("folder", library.folder().toString());
        render(ctx, "index.jte", p);
    }

    private Path scenarioFile(Context ctx) {
        return library.find(ctx.pathParam("file")).orElseThrow(() -> new NotFoundResponse(
                "There is no scenario called '" + ctx.pathParam("file") + "' in the scenarios folder."));
    }

    private void scenario(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        Path file = scenarioFile(ctx);
        String saved = ctx.queryParam("saved") != null
                ? "Saved as " + ctx.pathParam("file") + ". This is the new scenario: run it, or compare it with the one it changes."
                : ctx.queryParam("kept") != null ? "Added " + ctx.pathParam("file") + " and the files it reads to the scenarios"
                + " folder: change its assumptions, run it, or compare it with others." : null;
        showScenario(ctx, v, file, null, saved);
    }

    private void showScenario(Context ctx, Visitors.Visitor v, Path file, AssumptionForm.Submission submission, String saved)
            throws IOException {
        AssumptionForm form;
        try {
            form = AssumptionForm.of(file);
        } catch (org.carecast.scenario.ScenarioException e) {
            message(ctx, HttpStatus.OK, "This scenario cannot be read", "error: " + e.getMessage());
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("form", form);
        p.put("file", file.getFileName().toString());
        p.put("csrf", v.csrf());
        p.put("submission", submission);
        p.put("saved", saved);
        p.put("ranged", form.ranged());
        p.put("suggestedName", stem(file) + "-edited");
        render(ctx, "scenario.jte", p);
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private void save(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        visitors.checkToken(v, ctx.formParam("csrf"));
        Path file = scenarioFile(ctx);
        AssumptionForm form = AssumptionForm.of(file);
        Map<String, String> typed = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, values) -> {
            if (!values.isEmpty() && !k.equals("keep") && !k.equals("csrf")) {
                typed.put(k, values.get(0));
            }
        });
        List<String> kept = ctx.formParams("keep");
        kept.forEach(id -> typed.put("keep:" + id, "on"));
        String name = typed.getOrDefault("newName", "").strip();
        List<String> nameErrors = new ArrayList<>();
        Path target = null;
        if (!ScenarioLibrary.NEW_NAME.matcher(name).matches()) {
            nameErrors.add("Give the new scenario a file name of lower-case letters, digits and hyphens, such as"
                    + " baseline-higher-prices (found '" + name + "').");
        } else {
            target = library.folder().resolve(name + ".yaml");
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                nameErrors.add(name + ".yaml already exists in the scenarios folder: choose another name (carecast never"
                        + " replaces a file).");
            }
        }
        Path at = target != null ? target : library.folder().resolve("new-scenario.yaml");
        AssumptionForm.Submission s = form.submit(typed, kept, at, typed.getOrDefault("title", ""), typed.getOrDefault("reason", ""));
        if (!nameErrors.isEmpty()) {
            List<String> errors = new ArrayList<>(nameErrors);
            errors.addAll(s.errors());
            s = new AssumptionForm.Submission(s.yaml(), s.fieldErrors(), errors, s.values());
        }
        if (!s.ok()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            showScenario(ctx, v, file, s, null);
            return;
        }
        try {
            writeNew(target, s.yaml());
        } catch (FileAlreadyExistsException e) {
            s = new AssumptionForm.Submission(s.yaml(), s.fieldErrors(), List.of(name + ".yaml already exists in the"
                    + " scenarios folder: choose another name (carecast never replaces a file)."), s.values());
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            showScenario(ctx, v, file, s, null);
            return;
        }
        ctx.redirect("/scenarios/" + target.getFileName() + "?saved=1", HttpStatus.SEE_OTHER);
    }

    /**
     * Writes a new file completely or not at all, and never over an existing one: the text goes
     * to a hidden file beside it, which is then linked to the name (refused if the name exists).
     */
    static void writeNew(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".carecast-", ".yaml.part");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                // A file system without hard links (FAT, some network shares): create-new still never replaces a file.
                Files.writeString(target, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The replications box: empty for the scenario's own, else a whole number from 1 to 100,000. */
    private static Optional<String> replications(Context ctx) {
        String r = Optional.ofNullable(ctx.formParam("replications")).orElse("").strip();
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (!r.matches("\\d{1,6}") || Integer.parseInt(r) < 1 || Integer.parseInt(r) > 100_000) {
            throw new BadRequestResponse("Replications must be a whole number from 1 to 100,000, or empty for the"
                    + " scenario's own number (found '" + r + "').");
        }
        return Optional.of(r);
    }

    private void runScenario(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        visitors.checkToken(v, ctx.formParam("csrf"));
        Path file = scenarioFile(ctx);
        String command = "sensitivity".equals(ctx.formParam("command")) ? "sensitivity" : "run";
        String title = (command.equals("run") ? "Run: " : "Sensitivity: ") + file.getFileName();
        startJob(ctx, v, command, title, List.of(command, file.toString()));
    }

    /**
     * Starts {@code command} (the command line before its output options) as one of the
     * visitor's jobs, writing into a folder of its own, with the replications the form asks for.
     */
    private void startJob(Context ctx, Visitors.Visitor v, String kind, String title, List<String> command) throws IOException {
        Optional<String> reps = replications(ctx);
        String id = queue.newId();
        Path folder = queue.folderFor(v.key(), id);
        Path results = folder.resolve("report");
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--out", results.toString(), "--threads", Integer.toString(config.threads())));
        reps.ifPresent(r -> args.addAll(List.of("--replications", r)));
        submit(ctx, id, v, kind, title, args, folder, results, job -> { });
    }

    private void submit(Context ctx, String id, Visitors.Visitor v, String kind, String title, List<String> args, Path folder,
                        Path results, JobQueue.Cleanup cleanup) {
        try {
            queue.submit(id, v.key(), kind, title, args, folder, results, cleanup);
        } catch (JobQueue.FullException e) {
            cleanup.run(null);
            try {
                Files.deleteIfExists(folder);
            } catch (IOException ignored) {
                // An empty folder this server made; harmless if it stays.
            }
            message(ctx, HttpStatus.SERVICE_UNAVAILABLE, "The queue is full", e.getMessage());
            return;
        }
        ctx.redirect("/jobs/" + id, HttpStatus.SEE_OTHER);
    }

    /** The region file a request names: a file of the scenarios folder that lists councils. */
    private ScenarioLibrary.Entry regionEntry(String name) {
        return library.find(name).map(library::entry).filter(ScenarioLibrary.Entry::isRegion)
                .orElseThrow(() -> new NotFoundResponse("There is no region called '" + name + "' in the scenarios folder."));
    }

    private void region(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        showRegion(ctx, v, regionEntry(ctx.pathParam("file")), null);
    }

    private void showRegion(Context ctx, Visitors.Visitor v, ScenarioLibrary.Entry region, String error) throws IOException {
        if (!region.error().isEmpty()) {
            message(ctx, HttpStatus.OK, "This region cannot be read", "error: " + region.error());
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("region", region);
        // Regions to compare with: the others of the same councils, in the same order.
        p.put("others", library.list().stream().filter(e -> e.isRegion() && e.error().isEmpty()
                && !e.file().equals(region.file()) && e.region().councils().equals(region.region().councils())).toList());
        p.put("csrf", v.csrf());
        p.put("error", error);
        render(ctx, "region.jte", p);
    }

    private void runRegion(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        visitors.checkToken(v, ctx.formParam("csrf"));
        ScenarioLibrary.Entry region = regionEntry(ctx.pathParam("file"));
        String against = Optional.ofNullable(ctx.formParam("against")).orElse("").strip();
        Optional<ScenarioLibrary.Entry> base = Optional.empty();
        if (!against.isEmpty()) {
            base = library.find(against).map(library::entry).filter(ScenarioLibrary.Entry::isRegion);
            if (base.isEmpty()) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                showRegion(ctx, v, region, "There is no region called '" + against + "' to compare with.");
                return;
            }
        }
        List<String> command = new ArrayList<>(List.of("region", library.folder().resolve(region.file()).toString()));
        base.ifPresent(b -> command.addAll(List.of("--against", library.folder().resolve(b.file()).toString())));
        startJob(ctx, v, "region", "Region: " + region.file() + base.map(b -> " against " + b.file()).orElse(""), command);
    }

    private void compareForm(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        showCompare(ctx, v, ctx.queryParam("base"), null);
    }

    private void showCompare(Context ctx, Visitors.Visitor v, String base, String error) throws IOException {
        Map<String, Object> p = new HashMap<>();
        p.put("scenarios", library.list());
        p.put("base", base == null ? "" : base);
        p.put("csrf", v.csrf());
        p.put("error", error);
        render(ctx, "compare.jte", p);
    }

    private void compare(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        visitors.checkToken(v, ctx.formParam("csrf"));
        Optional<Path> base = library.find(ctx.formParam("base"));
        List<Path> options = new ArrayList<>();
        for (String o : ctx.formParams("option")) {
            library.find(o).filter(p -> !p.equals(base.orElse(null))).ifPresent(options::add);
        }
        if (base.isEmpty() || options.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            showCompare(ctx, v, ctx.formParam("base"), base.isEmpty() ? "Choose a base scenario."
                    : "Tick at least one option other than the base to compare with it.");
            return;
        }
        List<String> command = new ArrayList<>(List.of("compare", base.get().toString()));
        options.forEach(o -> command.add(o.toString()));
        String title = "Compare: " + base.get().getFileName() + " with "
                + String.join(", ", options.stream().map(o -> o.getFileName().toString()).toList());
        startJob(ctx, v, "compare", title, command);
    }

    private void calibrateForm(Context ctx) {
        Visitors.Visitor v = visitors.of(ctx);
        showCalibrate(ctx, v, null);
    }

    private void showCalibrate(Context ctx, Visitors.Visitor v, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("csrf", v.csrf());
        p.put("error", error);
        p.put("maxMegabytes", megabytes());
        render(ctx, "calibrate.jte", p);
    }

    private void calibrate(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        String length = ctx.header("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxUploadBytes() + 64 * 1024) {
            // Refused without keeping any of it; read and dropped (when not absurdly large) so that
            // the browser, still sending, gets the message rather than a reset connection.
            drain(ctx);
            throw new HttpResponseException(413, "This upload is " + (Long.parseLong(length) / (1024 * 1024)) + " MB; this"
                    + " server takes at most " + megabytes() + " MB in one upload.");
        }
        visitors.checkToken(v, ctx.formParam("csrf"));
        String asAt = Optional.ofNullable(ctx.formParam("asAt")).orElse("").strip();
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        List<String> problems = new ArrayList<>();
        try {
            LocalDate d = LocalDate.parse(asAt);
            if (d.getDayOfMonth() != 1) {
                problems.add("The census date must be the first day of a month, such as 2019-04-01 (found " + asAt + ").");
            }
        } catch (DateTimeParseException e) {
            problems.add("Give the census date as YYYY-MM-DD, the first day of a month, such as 2019-04-01 (found '"
                    + asAt + "').");
        }
        if (!ScenarioLibrary.NEW_NAME.matcher(name).matches()) {
            problems.add("Name the scenario with lower-case letters, digits and hyphens, such as calibrated (found '"
                    + name + "').");
        }
        List<UploadedFile> headers = ctx.uploadedFiles("header").stream().filter(f -> f.size() > 0).toList();
        List<UploadedFile> episodes = ctx.uploadedFiles("episodes").stream().filter(f -> f.size() > 0).toList();
        List<UploadedFile> uasc = ctx.uploadedFiles("uasc").stream().filter(f -> f.size() > 0).toList();
        if (headers.isEmpty()) {
            problems.add("Choose at least one header file.");
        }
        if (episodes.isEmpty()) {
            problems.add("Choose at least one episodes file.");
        }
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            showCalibrate(ctx, v, String.join("\n", problems));
            return;
        }
        Path uploads = privateTempFolder();
        List<String> args = new ArrayList<>(List.of("calibrate"));
        try {
            args.add("--header");
            args.addAll(save(uploads, "header", headers));
            args.add("--episodes");
            args.addAll(save(uploads, "episodes", episodes));
            if (!uasc.isEmpty()) {
                args.add("--uasc");
                args.addAll(save(uploads, "uasc", uasc));
            }
        } catch (IOException | RuntimeException e) {
            deleteUploads(uploads);
            throw e;
        }
        String id = queue.newId();
        Path folder = queue.folderFor(v.key(), id);
        Path results = folder.resolve("scenario");
        Files.createDirectories(results);
        args.addAll(List.of("--as-at", asAt, "--out", results.resolve(name + ".yaml").toString()));
        submit(ctx, id, v, "calibrate", "Calibrate: " + name + ".yaml as at " + asAt, args, folder, results,
                job -> deleteUploads(uploads));
    }

    /** A new temporary folder only this server's user can read. */
    private static Path privateTempFolder() throws IOException {
        try {
            return Files.createTempDirectory("carecast-upload-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            // Windows: in the user's own temporary folder, private to them already.
            return Files.createTempDirectory("carecast-upload-");
        }
    }

    /** Saves uploaded files under names of this server's making: an uploaded name never becomes a path. */
    private static List<String> save(Path folder, String kind, List<UploadedFile> files) throws IOException {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String original = files.get(i).filename() == null ? "" : Path.of(files.get(i).filename().replace('\\', '/'))
                    .getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            Path to = folder.resolve(kind + "-" + (i + 1) + (original.isEmpty() ? "" : "-" + original));
            try (InputStream in = files.get(i).content()) {
                Files.copy(in, to);
            }
            paths.add(to.toString());
        }
        return paths;
    }

    /** Deletes an upload folder: only the files this server saved in it, then the folder. */
    static void deleteUploads(Path folder) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Left in the system's temporary folder, readable by this user only.
            System.err.println("warning: could not delete uploaded files in " + folder + ": " + e.getMessage());
        }
    }

    private Job ownJob(Context ctx, Visitors.Visitor v) {
        Job job = queue.find(v.key(), ctx.pathParam("id"));
        if (job == null) {
            throw new NotFoundResponse("There is no job " + ctx.pathParam("id") + " of yours.");
        }
        return job;
    }

    private void jobs(Context ctx) {
        Visitors.Visitor v = visitors.of(ctx);
        Map<String, Object> p = new HashMap<>();
        p.put("jobs", queue.of(v.key()));
        p.put("active", queue.active());
        p.put("maxJobs", queue.maxJobs());
        render(ctx, "jobs.jte", p);
    }

    private void job(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        Job job = ownJob(ctx, v);
        List<String> files = job.state() == Job.State.DONE ? files(job.folder()) : List.of();
        Map<String, Object> p = new HashMap<>();
        p.put("job", job);
        p.put("csrf", v.csrf());
        p.put("files", files);
        // The job's own report, where every job writes it (a region's folders below hold its councils').
        String own = job.folder().relativize(job.results().resolve("report.html")).toString().replace('\\', '/');
        String report = files.contains(own) ? own : null;
        p.put("report", report == null ? null : "/jobs/" + job.id() + "/files/" + report);
        p.put("calibrated", job.kind().equals("calibrate") ? calibratedScenario(job).map(Path::toString).orElse(null) : null);
        render(ctx, "job.jte", p);
    }

    private static Optional<Path> calibratedScenario(Job job) throws IOException {
        try (Stream<Path> s = Files.list(job.results())) {
            return s.filter(f -> f.getFileName().toString().endsWith(".yaml")).findFirst();
        }
    }

    /**
     * The files a finished job wrote, relative to its folder, as a user sees them: output
     * folders hold links to their current files (followed here), not carecast's own hidden
     * bookkeeping.
     */
    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(r -> Stream.of(r.split("/")).noneMatch(part -> part.startsWith(".")))
                    .sorted(Comparator.comparingInt(WebApp::downloadOrder).thenComparing(Comparator.naturalOrder())).toList();
        }
    }

    /** What a reader downloads first: the workbook, the page, the tables, the charts, then the rest. */
    private static int downloadOrder(String file) {
        return file.endsWith(".xlsx") ? 0 : file.endsWith(".html") ? 1 : file.endsWith(".csv") ? 2 : file.endsWith(".png") ? 3
                : file.endsWith(".svg") ? 4 : file.endsWith(".yaml") ? 5 : 6;
    }

    private void cancel(Context ctx) {
        Visitors.Visitor v = visitors.of(ctx);
        visitors.checkToken(v, ctx.formParam("csrf"));
        Job job = ownJob(ctx, v);
        queue.cancel(job);
        ctx.redirect("/jobs/" + job.id(), HttpStatus.SEE_OTHER);
    }

    /** The scenario a finished calibration of the visitor's wrote, for a form that acts on it (token checked). */
    private Path calibrated(Context ctx, Visitors.Visitor v, String what) throws IOException {
        visitors.checkToken(v, ctx.formParam("csrf"));
        Job calibration = ownJob(ctx, v);
        Path scenario = calibration.kind().equals("calibrate") && calibration.state() == Job.State.DONE
                ? calibratedScenario(calibration).orElse(null) : null;
        if (scenario == null) {
            throw new NotFoundResponse("This job has no calibrated scenario to " + what + ".");
        }
        return scenario;
    }

    private void runCalibrated(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        Path scenario = calibrated(ctx, v, "run");
        String id = queue.newId();
        Path folder = queue.folderFor(v.key(), id);
        Path results = folder.resolve("report");
        List<String> args = List.of("run", scenario.toString(), "--out", results.toString(), "--threads",
                Integer.toString(config.threads()));
        submit(ctx, id, v, "run", "Run: calibrated " + scenario.getFileName(), args, folder, results, job -> { });
    }

    /**
     * Copies a calibration's scenario and the files beside it (its children, its actuals) into
     * the scenarios folder, so it can be opened, changed and compared like the others; refused,
     * with nothing copied, when any of those names is taken there.
     */
    private void keepCalibrated(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        Path scenario = calibrated(ctx, v, "keep");
        List<Path> files;
        try (Stream<Path> s = Files.list(scenario.getParent())) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<String> taken = files.stream().map(f -> f.getFileName().toString())
                .filter(name -> Files.exists(library.folder().resolve(name), LinkOption.NOFOLLOW_LINKS)).toList();
        if (!taken.isEmpty()) {
            message(ctx, HttpStatus.CONFLICT, "Not copied", String.join(", ", taken) + (taken.size() == 1 ? " is" : " are")
                    + " already in the scenarios folder, and carecast never replaces a file. Calibrate again under"
                    + " another name, or download the files from the job's page.");
            return;
        }
        for (Path f : files) {
            writeNew(library.folder().resolve(f.getFileName().toString()), Files.readString(f, StandardCharsets.UTF_8));
        }
        ctx.redirect("/scenarios/" + scenario.getFileName() + "?kept=1", HttpStatus.SEE_OTHER);
    }

    /** A file of one of the visitor's jobs; any path leading outside that job's folder is not found. */
    private void jobFile(Context ctx) throws IOException {
        Visitors.Visitor v = visitors.of(ctx);
        Job job = ownJob(ctx, v);
        String rel = ctx.pathParam("path");
        NotFoundResponse none = new NotFoundResponse("That job has no file " + rel + ".");
        if (rel.isEmpty() || rel.startsWith("/") || rel.contains("\\") || rel.contains("\0")) {
            throw none;
        }
        for (String part : rel.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith(".")) {
                throw none;
            }
        }
        Path root = job.folder().toRealPath();
        Path file = root.resolve(rel).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw none;
        }
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
            throw none;
        }
        String name = real.getFileName().toString();
        String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".csv") ? "text/csv; charset=utf-8"
                : name.endsWith(".png") ? "image/png" : name.endsWith(".svg") ? "image/svg+xml"
                : name.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : name.endsWith(".yaml") || name.endsWith(".txt") || name.endsWith(".json") ? "text/plain; charset=utf-8"
                : "application/octet-stream";
        ctx.header("Content-Security-Policy", REPORT_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.contentType(type);
        ctx.result(Files.newInputStream(real));
    }
}
