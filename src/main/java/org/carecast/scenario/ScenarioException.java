package org.carecast.scenario;

/**
 * A problem with a user's input: malformed YAML, an unknown or missing field, a value of the
 * wrong type or outside its range, a missing file. The message always names the file, the line
 * and column, the field path and what was expected, so the command line can print it as is and
 * exit with status 2 instead of showing a stack trace.
 */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SourceLocation location;
    private final String field;
    private final String problem;

    public ScenarioException(SourceLocation location, String field, String problem) {
        super(format(location, field, problem));
        this.location = location;
        this.field = field;
        this.problem = problem;
    }

    private static String format(SourceLocation location, String field, String problem) {
        StringBuilder text = new StringBuilder();
        text.append(location == null ? "<unknown>" : location.toString()).append(": ");
        if (field != null && !field.isEmpty()) {
            text.append("field '").append(field).append("': ");
        }
        return text.append(problem).toString();
    }

    /** Where the problem is; never null for errors raised while reading a file. */
    public SourceLocation location() {
        return location;
    }

    /** The dotted field path, e.g. {@code placementTypes[2].weeklyCost}; empty for whole-file problems. */
    public String field() {
        return field;
    }

    /** What was wrong and what was expected, without the location prefix. */
    public String problem() {
        return problem;
    }
}
