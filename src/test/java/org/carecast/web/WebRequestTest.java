package org.carecast.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app at the level of requests: what no page should allow (paths outside the folders,
 * forms from elsewhere, oversized uploads, another user's jobs) and a full queue. Jobs run a
 * stand-in for the command line that waits until the test lets it finish, so the queue's
 * states are certain.
 */
class WebRequestTest {

    @TempDir
    Path dir;

    private WebApp app;
    private String base;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<List<String>> commands = new ArrayList<>();

    private Path scenarios;
    private Path jobs;

    @BeforeEach
    void start() throws IOException {
        scenarios = Files.createDirectories(dir.resolve("scenarios"));
        jobs = dir.resolve("jobs");
        Files.copy(Path.of("scenarios/oldham-baseline.yaml"), scenarios.resolve("oldham-baseline.yaml"));
        Files.copy(Path.of("scenarios/hayle-road-home.yaml"), scenarios.resolve("hayle-road-home.yaml"));
        Files.writeString(dir.resolve("secret.yaml"), "name: not for the web\n");
        Files.createSymbolicLink(scenarios.resolve("leak.yaml"), dir.resolve("secret.yaml"));
        app = start(null, 1);
    }

    private WebApp start(String userHeader, int maxJobs) throws IOException {
        WebApp a = new WebApp(new WebConfig(scenarios, jobs, "127.0.0.1", 0, userHeader, maxJobs, 1024 * 1024, 1),
                (out, err, progress, args) -> {
                    synchronized (commands) {
                        commands.add(List.of(args));
                    }
                    try {
                        for (int i = 1; i <= 10; i++) {
                            if (release.await(100, TimeUnit.MILLISECONDS)) {
                                break;
                            }
                            progress.update(i, 1000);
                        }
                        while (!release.await(50, TimeUnit.MILLISECONDS)) {
                            progress.update(10, 1000);
                        }
                    } catch (InterruptedException e) {
                        return 1;
                    } catch (java.util.concurrent.CancellationException e) {
                        err.println("cancelled: nothing was written");
                        return 130;
                    }
                    out.println("done");
                    return 0;
                });
        base = "http://127.0.0.1:" + a.start();
        return a;
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        app.close();
    }

    /** A browser: keeps its cookie, does not follow redirects (the tests read them). */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient client, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form, String... headers) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(m.find(), "the page has a form token");
        return m.group(1);
    }

    private String startRun(HttpClient client) throws Exception {
        String csrf = token(get(client, "/scenarios/hayle-road-home.yaml"));
        HttpResponse<String> r = post(client, "/scenarios/hayle-road-home.yaml/run", Map.of("csrf", csrf, "replications", "5"));
        assertEquals(303, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void pagesAllowNoScriptAndCarryTheSecurityHeaders() throws Exception {
        HttpClient c = browser();
        for (String path : List.of("/", "/scenarios/hayle-road-home.yaml", "/compare", "/calibrate", "/jobs")) {
            HttpResponse<String> r = get(c, path);
            assertEquals(200, r.statusCode(), path);
            String policy = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.contains("default-src 'none'") && !policy.contains("script-src"), policy);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertFalse(r.body().contains("<script"), path + " has a script");
            assertFalse(r.body().contains(" style=\""), path + " has an inline style the policy would block");
        }
    }

    @Test
    void noPathReachesOutsideTheScenariosFolder() throws Exception {
        HttpClient c = browser();
        for (String path : List.of("/scenarios/..%2Fsecret.yaml", "/scenarios/%2e%2e%2fsecret.yaml", "/scenarios/leak.yaml",
                "/scenarios/.hidden.yaml", "/scenarios/..", "/scenarios/oldham-baseline.yaml%00.txt")) {
            HttpResponse<String> r = get(c, path);
            // Jetty itself refuses a NUL in a path as a bad request; everything else is not found.
            assertTrue(r.statusCode() == 404 || path.contains("%00") && r.statusCode() == 400, path + ": " + r.statusCode());
            assertFalse(r.body().contains("not for the web"), path);
        }
        assertFalse(get(c, "/").body().contains("leak.yaml"), "a link leading out of the folder is not listed");
        // Saving under a name that would leave the folder is refused, and nothing is written anywhere.
        String csrf = token(get(c, "/scenarios/hayle-road-home.yaml"));
        for (String name : List.of("../escaped", "/tmp/escaped", "a/b", "hayle-road-home", ".hidden")) {
            HttpResponse<String> r = post(c, "/scenarios/hayle-road-home.yaml/save", Map.of("csrf", csrf, "newName", name,
                    "keep", "hayle_road", "v0", "17"));
            assertEquals(422, r.statusCode(), name);
        }
        assertFalse(Files.exists(dir.resolve("escaped.yaml")));
        assertEquals(List.of("hayle-road-home.yaml", "leak.yaml", "oldham-baseline.yaml"),
                Files.list(scenarios).map(p -> p.getFileName().toString()).sorted().toList(), "the folder is as it was");
    }

    @Test
    void noPathReachesOutsideAJobsFolder() throws Exception {
        HttpClient c = browser();
        String job = startRun(c);
        release.countDown();
        waitFor(c, job, "Finished");
        Path folder = Files.list(Files.list(jobs).findFirst().orElseThrow()).findFirst().orElseThrow();
        Files.createDirectories(folder.resolve("report"));
        Files.writeString(folder.resolve("report/report.html"), "<p>the report</p>");
        assertEquals(200, get(c, job + "/files/report/report.html").statusCode());
        assertTrue(get(c, job + "/files/report/report.html").headers().firstValue("Content-Security-Policy").orElseThrow()
                .contains("default-src 'none'"));
        Files.createSymbolicLink(folder.resolve("report/out.html"), dir.resolve("secret.yaml"));
        for (String path : List.of("/files/..%2F..%2F..%2Fsecret.yaml", "/files/report/..%2F..%2F..%2F..%2Fsecret.yaml",
                "/files/%2e%2e/%2e%2e/%2e%2e/secret.yaml", "/files/report/out.html", "/files/.carecast", "/files/report")) {
            HttpResponse<String> r = get(c, job + path);
            assertEquals(404, r.statusCode(), path);
            assertFalse(r.body().contains("not for the web"), path);
        }
    }

    @Test
    void aFormFromElsewhereIsRefused() throws Exception {
        HttpClient mine = browser();
        HttpClient theirs = browser();
        String myToken = token(get(mine, "/scenarios/hayle-road-home.yaml"));
        String theirToken = token(get(theirs, "/scenarios/hayle-road-home.yaml"));
        assertNotEquals(myToken, theirToken);
        for (Map<String, String> form : List.of(Map.of("replications", "5"), Map.of("csrf", "", "replications", "5"),
                Map.of("csrf", theirToken, "replications", "5"), Map.of("csrf", myToken.replace('a', 'b').replace('1', '2'), "replications", "5"))) {
            assertEquals(403, post(mine, "/scenarios/hayle-road-home.yaml/run", form).statusCode(), form.toString());
            assertEquals(403, post(mine, "/scenarios/hayle-road-home.yaml/save", form).statusCode(), form.toString());
            assertEquals(403, post(mine, "/compare", form).statusCode(), form.toString());
        }
        // A request with no cookie at all (another site's page cannot send ours: SameSite=Strict).
        assertEquals(403, post(browser(), "/scenarios/hayle-road-home.yaml/run", Map.of("csrf", myToken)).statusCode());
        assertTrue(commands.isEmpty(), "nothing ran");
        String cookie = get(browser(), "/").headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    }

    @Test
    void anOversizedUploadIsRefusedWithAMessage() throws Exception {
        HttpClient c = browser();
        String csrf = token(get(c, "/calibrate"));
        String boundary = "----carecast" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n").append(csrf).append("\r\n");
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"asAt\"\r\n\r\n2019-04-01\r\n");
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"header\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").append("x".repeat(2 * 1024 * 1024)).append("\r\n");
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "/calibrate"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("at most 1 MB"), r.body());
        // Sent without a length (chunked), so the server only finds out while reading it.
        HttpResponse<String> chunked = c.send(HttpRequest.newBuilder(URI.create(base + "/calibrate"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        body.toString().getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(commands.isEmpty(), "nothing ran");
    }

    @Test
    void aFullQueueSaysSoAndACancelledJobGivesItsPlaceBack() throws Exception {
        HttpClient c = browser();
        String first = startRun(c);
        String csrf = token(get(c, "/scenarios/hayle-road-home.yaml"));
        HttpResponse<String> full = post(c, "/scenarios/hayle-road-home.yaml/run", Map.of("csrf", csrf, "replications", "5"));
        assertEquals(503, full.statusCode());
        assertTrue(full.body().contains("The queue is full"), full.body());
        waitFor(c, first, "Running");
        waitForText(c, first, "of 1000 replications");
        assertEquals(303, post(c, first + "/cancel", Map.of("csrf", csrf)).statusCode());
        waitFor(c, first, "Cancelled");
        String second = startRun(c);
        assertNotEquals(first, second);
        release.countDown();
        waitFor(c, second, "Finished");
        assertTrue(get(c, "/jobs").body().contains(second.substring("/jobs/".length())));
    }

    @Test
    void oneUsersJobsAreNotAnothersEvenByTheirId() throws Exception {
        HttpClient mine = browser();
        HttpClient theirs = browser();
        String job = startRun(mine);
        assertEquals(404, get(theirs, job).statusCode());
        assertEquals(404, get(theirs, job + "/files/report/report.html").statusCode());
        String theirToken = token(get(theirs, "/compare"));
        assertEquals(404, post(theirs, job + "/cancel", Map.of("csrf", theirToken)).statusCode());
        assertFalse(get(theirs, "/jobs").body().contains(job.substring("/jobs/".length())));
        assertTrue(get(mine, "/jobs").body().contains(job.substring("/jobs/".length())));
    }

    @Test
    void behindAProxyTheSignedInUserNamesTheJobs() throws Exception {
        app.close();
        app = start("X-Remote-User", 4);
        HttpClient c = browser();
        HttpResponse<String> anonymous = get(c, "/");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("X-Remote-User"), anonymous.body());
        String csrf = token(get(c, "/scenarios/hayle-road-home.yaml", "X-Remote-User", "alice"));
        HttpResponse<String> r = post(c, "/scenarios/hayle-road-home.yaml/run", Map.of("csrf", csrf, "replications", "5"),
                "X-Remote-User", "alice");
        assertEquals(303, r.statusCode());
        String job = r.headers().firstValue("Location").orElseThrow();
        assertEquals(200, get(browser(), job, "X-Remote-User", "alice").statusCode(), "alice from another browser");
        assertEquals(404, get(c, job, "X-Remote-User", "bob").statusCode(), "bob with alice's cookie");
        assertEquals(403, post(c, "/scenarios/hayle-road-home.yaml/run", Map.of("csrf", csrf), "X-Remote-User", "bob")
                .statusCode(), "alice's token is not bob's");
    }

    @Test
    void regionsAreListedApartAndRunAsTheRegionCommand() throws Exception {
        for (String f : List.of("oldham.yaml", "neighbour.yaml", "pair.yaml", "pair-unshared.yaml", "pair-reserved.yaml")) {
            Files.writeString(scenarios.resolve(f), Files.readString(Path.of("scenarios/region", f))
                    .replace("../oldham-baseline.yaml", "oldham-baseline.yaml"));
        }
        Files.writeString(scenarios.resolve("other-councils.yaml"), "name: other councils\ncouncils:\n"
                + "  - {id: neighbour, scenario: neighbour.yaml}\n  - {id: oldham, scenario: oldham.yaml}\n");
        HttpClient c = browser();
        String index = get(c, "/").body();
        assertTrue(index.contains("id=\"regions\"") && index.contains("href=\"/regions/pair.yaml\""), "a table of regions");
        assertFalse(index.contains("href=\"/scenarios/pair.yaml\""), "a region is not listed as a scenario");
        assertTrue(index.contains("regional_home, each council keeping 1 of its own free places for its own children"), index);
        assertFalse(get(c, "/compare").body().contains("value=\"pair.yaml\""), "regions are not offered to compare");

        HttpResponse<String> page = get(c, "/regions/pair.yaml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("oldham (oldham.yaml)") && page.body().contains("regional_home, first come first served"));
        assertTrue(page.body().contains("value=\"pair-unshared.yaml\"") && page.body().contains("value=\"pair-reserved.yaml\""),
                "regions of the same councils to compare with");
        assertFalse(page.body().contains("value=\"other-councils.yaml\""), "not a region of other councils, or in another order");
        for (String path : List.of("/regions/oldham.yaml", "/regions/..%2Fsecret.yaml", "/regions/leak.yaml", "/regions/nope.yaml")) {
            assertEquals(404, get(c, path).statusCode(), path);
        }

        String csrf = token(page);
        HttpResponse<String> refused = post(c, "/regions/pair.yaml/run", Map.of("csrf", csrf, "against", "../secret.yaml"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("There is no region called"), refused.body());
        HttpResponse<String> r = post(c, "/regions/pair.yaml/run", Map.of("csrf", csrf, "against", "pair-unshared.yaml",
                "replications", "5"));
        assertEquals(303, r.statusCode(), r.body());
        String job = r.headers().firstValue("Location").orElseThrow();
        waitFor(c, job, "Running");
        List<String> args;
        synchronized (commands) {
            assertEquals(1, commands.size(), "only the second request started a job");
            args = commands.get(0);
        }
        Path folder = scenarios.toRealPath();
        assertEquals(List.of("region", folder.resolve("pair.yaml").toString(), "--against",
                folder.resolve("pair-unshared.yaml").toString()), args.subList(0, 4));
        assertEquals(List.of("--threads", "1", "--replications", "5"), args.subList(args.size() - 4, args.size()));
        assertTrue(get(c, job).body().contains("Region: pair.yaml against pair-unshared.yaml"));
    }

    private void waitForText(HttpClient c, String job, String text) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            if (get(c, job).body().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the job's page never said " + text);
    }

    private void waitFor(HttpClient c, String job, String state) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String body = "";
        while (System.nanoTime() < until) {
            body = get(c, job).body();
            if (body.contains("id=\"job-state\">" + state + "<")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job never reached " + state + ": " + body);
    }
}
