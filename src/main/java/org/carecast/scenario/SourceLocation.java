package org.carecast.scenario;

import java.nio.file.Path;

/**
 * A position in a scenario file, kept with every YAML node so that a validation error found
 * long after parsing can still point at the line and column the user has to edit.
 *
 * @param file   the file as the user named it (relative paths stay relative in messages)
 * @param line   1-based line number
 * @param column 1-based column number
 */
public record SourceLocation(Path file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
