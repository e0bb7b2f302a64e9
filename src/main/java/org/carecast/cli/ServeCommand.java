package org.carecast.cli;

import org.carecast.web.WebApp;
import org.carecast.web.WebConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code carecast serve}: the web app, for people who will never open a terminal. Its jobs run
 * this same command line in-process, so a page gives the same files and messages.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serve the scenarios in a folder as web pages: see and change assumptions, run, compare,"
                + " sensitivity and calibrate from a browser.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--scenarios", defaultValue = "scenarios", paramLabel = "DIR",
            description = "Folder of scenario files to list and save into (default: ${DEFAULT-VALUE}).")
    Path scenarios;

    @Option(names = "--jobs", defaultValue = "out/serve", paramLabel = "DIR",
            description = "Folder the jobs' results are written under (default: ${DEFAULT-VALUE}).")
    Path jobs;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Put the server behind"
                    + " the council's reverse proxy before listening on others (docs/serve.md).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user-header", paramLabel = "NAME", description = "Trust this request header (set by the reverse"
            + " proxy after sign-on, such as X-Remote-User) to name the user; without it, users are told apart by a"
            + " browser cookie.")
    String userHeader;

    @Option(names = "--max-jobs", paramLabel = "N", description = "Jobs accepted at once, running or waiting"
            + " (default: the number of cores).")
    Integer maxJobs;

    @Option(names = "--max-upload-mb", defaultValue = "50", paramLabel = "MB",
            description = "Largest upload of SSDA903 files accepted (default: ${DEFAULT-VALUE}).")
    int maxUploadMb;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Its jobs run commands in this Java: none may start the server's command line again.
        QuickStart.forget();
        int cores = Runtime.getRuntime().availableProcessors();
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be from 0 to 65535, found " + port);
        }
        if (maxUploadMb < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-upload-mb must be at least 1");
        }
        int max = maxJobs == null ? cores : maxJobs;
        if (max < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-jobs must be at least 1");
        }
        if (java.nio.file.Files.exists(jobs) && !java.nio.file.Files.isDirectory(jobs)) {
            throw new java.io.IOException("the jobs folder " + jobs + " is an existing file, not a folder; carecast will not"
                    + " touch it. Choose another with --jobs DIR");
        }
        if (!java.nio.file.Files.isDirectory(scenarios)) {
            throw new java.io.IOException("scenarios folder not found: " + scenarios + " (give one with --scenarios DIR)");
        }
        WebConfig config = new WebConfig(scenarios, jobs, host, port, userHeader, max, maxUploadMb * 1024L * 1024L, cores);
        WebApp app = new WebApp(config, (out, err, progress, args) -> Main.execute(out, err, progress::update, args));
        int bound;
        try {
            bound = app.start();
        } catch (RuntimeException e) {
            throw new java.io.IOException("could not listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "); is another server using it? Choose another with --port.");
        }
        spec.commandLine().getOut().printf("carecast is serving %s at http://%s:%d/ (Ctrl-C to stop)%n",
                scenarios, host.contains(":") ? "[" + host + "]" : host, bound);
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            spec.commandLine().getOut().println("warning: listening beyond this machine; put it behind the council's"
                    + " reverse proxy with sign-on (docs/serve.md)");
        }
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
