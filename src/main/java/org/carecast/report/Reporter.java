package org.carecast.report;

import org.carecast.results.Projection;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a projection in one format into an output folder. Each format is one small
 * implementation, chosen through {@link ReportFormat}; the folder is a temporary one that is
 * moved into place only when every reporter has finished (see {@link OutputFolder}).
 */
public interface Reporter {

    void write(Projection projection, RunInfo info, Path folder) throws IOException;
}
