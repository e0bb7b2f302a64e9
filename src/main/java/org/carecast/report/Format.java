package org.carecast.report;

import org.carecast.model.TimeGrid;
import org.carecast.results.Summary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How figures read in reports for people: pounds in millions, shares in per cent, months by name. */
final class Format {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private Format() {
    }

    /** Pounds as "£11.83m", negative as "-£1.86m". */
    static String millions(double pounds) {
        if (!Double.isFinite(pounds)) {
            return "n/a";
        }
        String sign = pounds < -0.005e6 ? "-" : "";
        return String.format(Locale.ROOT, "%s£%,.2fm", sign, Math.abs(pounds) / 1e6);
    }

    /** The 90% range: "£10.12m to £13.90m". */
    static String millionsRange(Summary s) {
        return millions(s.p5()) + " to " + millions(s.p95());
    }

    static String count(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%,.0f", x) : "n/a";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /**
     * The financial years a projection covers only in part, said plainly: "2025/26 covers
     * November 2025 to March 2026 only." (empty when every year is whole).
     */
    static String partYears(org.carecast.results.Projection p) {
        java.time.YearMonth first = java.time.YearMonth.from(p.start());
        java.time.YearMonth last = first.plusMonths(p.months() - 1);
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (first.getMonthValue() != 4) {
            java.time.YearMonth march = java.time.YearMonth.of(first.getMonthValue() >= 4 ? first.getYear() + 1 : first.getYear(), 3);
            java.time.YearMonth end = last.isBefore(march) ? last : march;
            parts.add(TimeGrid.financialYearOf(p.start()) + " covers " + monthLabel(first.toString()) + " to "
                    + monthLabel(end.toString()) + " only");
        }
        if (last.getMonthValue() != 3) {
            java.time.YearMonth april = java.time.YearMonth.of(last.getMonthValue() >= 4 ? last.getYear() : last.getYear() - 1, 4);
            if (april.isAfter(first)) {
                parts.add(TimeGrid.financialYearOf(april.atDay(1)) + " covers " + monthLabel(april.toString()) + " to "
                        + monthLabel(last.toString()) + " only");
            }
        }
        return parts.isEmpty() ? "" : String.join("; ", parts) + " (the horizon's part of the year).";
    }

    /** "2025-04" as "April 2025". */
    static String monthLabel(String yearMonth) {
        return LocalDate.parse(yearMonth + "-01").format(MONTH);
    }

    /** The financial year of a "2025-04" month: "2025/26" (as {@link TimeGrid#financialYearOf} defines it). */
    static String financialYear(String yearMonth) {
        return TimeGrid.financialYearOf(LocalDate.parse(yearMonth + "-01"));
    }

}
