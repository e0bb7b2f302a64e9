package org.carecast.results;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A few figures per replication, given in any order, summarise as if given in order. */
class FigureSummariesTest {

    @Test
    void replicationsGivenOutOfOrderSummariseAsInOrder() {
        int replications = 300;
        double[][] values = new double[replications][];
        Random random = new Random(3);
        for (int r = 0; r < replications; r++) {
            values[r] = new double[] {random.nextGaussian() * 1e6 + 4e7, random.nextInt(50)};
        }
        FigureSummaries inOrder = new FigureSummaries(2, replications);
        for (int r = 0; r < replications; r++) {
            inOrder.accept(r, values[r].clone());
        }
        List<Integer> shuffled = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            shuffled.add(r);
        }
        // Shuffled within a window narrower than the buffer's, as workers a little apart would deliver.
        for (int from = 0; from < replications; from += 30) {
            Collections.shuffle(shuffled.subList(from, Math.min(replications, from + 30)), random);
        }
        FigureSummaries anyOrder = new FigureSummaries(2, replications);
        for (int r : shuffled) {
            anyOrder.accept(r, values[r].clone());
        }
        for (int f = 0; f < 2; f++) {
            assertEquals(inOrder.summary(f), anyOrder.summary(f));
            double[] column = new double[replications];
            for (int r = 0; r < replications; r++) {
                column[r] = values[r][f];
            }
            assertEquals(Summary.of(column), inOrder.summary(f), "exact percentiles up to the sketch's limit");
        }
    }

    @Test
    void aSummaryBeforeEveryReplicationIsGivenIsRefused() {
        FigureSummaries s = new FigureSummaries(1, 3);
        s.accept(0, new double[] {1});
        s.accept(2, new double[] {3});
        assertThrows(IllegalStateException.class, () -> s.summary(0));
        assertThrows(IllegalArgumentException.class, () -> s.accept(1, new double[] {1, 2}));
    }
}
