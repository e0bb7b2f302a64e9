package org.carecast.ssda903;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The problems found while reading SSDA903 returns. In strict mode the first problem stops the
 * read with an {@link Ssda903Exception}; otherwise every problem is kept, so a caller can report
 * a count by kind and show examples.
 */
public final class ProblemLog {

    private final boolean strict;
    private final List<Problem> problems = new ArrayList<>();

    public ProblemLog(boolean strict) {
        this.strict = strict;
    }

    void add(Problem problem) {
        if (strict) {
            throw new Ssda903Exception(problem.file(), problem.row(), problem.kind().label() + ": " + problem.message());
        }
        problems.add(problem);
    }

    public List<Problem> all() {
        return Collections.unmodifiableList(problems);
    }

    /** Problems by kind, in the order of {@link Problem.Kind}, kinds with none left out. */
    public Map<Problem.Kind, Integer> counts() {
        Map<Problem.Kind, Integer> counts = new EnumMap<>(Problem.Kind.class);
        for (Problem p : problems) {
            counts.merge(p.kind(), 1, Integer::sum);
        }
        return counts;
    }
}
