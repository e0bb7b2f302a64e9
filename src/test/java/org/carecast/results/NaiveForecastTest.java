package org.carecast.results;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The naive log-linear forecast a back-test scores the model against. */
class NaiveForecastTest {

    @Test
    void aConstantPercentageFallIsForecastExactly() {
        // 200 children falling 3% a month for 24 months: the log-linear line continues it exactly,
        // where a straight line would eventually go below zero.
        double[] before = new double[25];
        for (int k = 0; k < before.length; k++) {
            before[k] = 200 * Math.pow(0.97, k);
        }
        SimpleRegression line = Backtest.logLinear(before);
        for (int m = 1; m <= 36; m++) {
            assertEquals(before[24] * Math.pow(0.97, m), Math.exp(line.predict(m)), 1e-9 * before[24], "month " + m);
        }
    }

    @Test
    void anEmptyMonthDoesNotBreakTheFit() {
        double[] before = {4, 0, 2, 3, 0, 1, 2};
        double next = Math.exp(Backtest.logLinear(before).predict(1));
        assertTrue(Double.isFinite(next) && next > 0 && next < 4, "finite and within the data's range: " + next);
    }
}
