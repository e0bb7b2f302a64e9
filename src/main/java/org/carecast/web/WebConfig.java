package org.carecast.web;

import java.nio.file.Path;

/**
 * How {@code carecast serve} is set up.
 *
 * @param scenarios      the folder of scenario files the pages list and save into
 * @param jobs           the folder job results are written under (one sub-folder per user and job)
 * @param host           the address to listen on: 127.0.0.1 unless the server is put behind a proxy
 * @param port           the port (0 picks a free one, for tests)
 * @param userHeader     the request header that names the signed-in user, set by the council's
 *                       reverse proxy; null to tell users apart by a browser cookie instead
 * @param maxJobs        jobs accepted at once, running or waiting; more are refused with a message
 * @param maxUploadBytes largest upload (SSDA903 returns) accepted, in bytes
 * @param threads        worker threads each job's simulation uses
 */
public record WebConfig(Path scenarios, Path jobs, String host, int port, String userHeader, int maxJobs,
                        long maxUploadBytes, int threads) {

    /** 50 MB: several years of a large council's returns, as CSV. */
    public static final long DEFAULT_MAX_UPLOAD = 50L * 1024 * 1024;

    public WebConfig {
        if (maxJobs < 1) {
            throw new IllegalArgumentException("maxJobs must be at least 1");
        }
    }
}
