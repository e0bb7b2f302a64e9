package org.carecast.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting of numbers for files: plain decimal, dot separator, trailing zeros dropped. */
final class Numbers {

    private Numbers() {
    }

    /** {@code value} rounded to {@code decimals} places, e.g. 12.5, 589, 0.125. */
    static String plain(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }
}
