package org.carecast.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one command's result in one format into an output folder. Each format is one small
 * implementation per kind of result ({@link RunReport}, {@link ComparisonResult},
 * {@link BacktestResult}), chosen through {@link ReportFormat}; the folder is a fresh one that
 * replaces the earlier output only when every reporter has finished (see {@link OutputFolder}).
 *
 * @param <R> the result written
 */
@FunctionalInterface
public interface Reporter<R> {

    void write(R result, Path folder) throws IOException;

    /** A reporter that writes nothing: a format a command does not have. */
    static <R> Reporter<R> none() {
        return (result, folder) -> { };
    }
}
