package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.model.ExitReason;
import org.carecast.model.Finance;
import org.carecast.model.History;
import org.carecast.model.PlacementCategory;
import org.carecast.model.Provider;
import org.carecast.model.Model;
import org.carecast.model.TimeGrid;

import java.util.ArrayList;
import java.util.List;

/**
 * The series a run reports, derived from the model's placement types and calendar. Monthly:
 * children in care (census on the 1st of each month, plus the end of the horizon), places in
 * limited types at each census, spend by type and by intervention cost line,
 * spill-over, entries, exits by reason, moves, breakdowns, step-downs, children with three or
 * more moves in 12 months; the indicators councils report (shares in own provision, out of
 * borough, with 3+ placements in 12 months, in long-term stable placements; children in secure welfare); net
 * cost, and with budgets the budget and the pressure so far in the financial year. Yearly
 * (financial years, April to March): spend by type and in total, income, net cost, budget and
 * pressure (in total and by budget line), entries, exits, spill-over, moves, and children in
 * care at the year's end.
 */
public final class OutputSeries {

    private OutputSeries() {
    }

    public static List<Series> of(Model model) {
        TimeGrid time = model.time();
        int months = time.months();
        int types = model.types();
        String[] ids = model.placements().ids();
        String[] flowMonths = new String[months];
        String[] censusMonths = new String[months + 1];
        for (int m = 0; m <= months; m++) {
            String label = time.monthStart(m).toString().substring(0, 7);
            censusMonths[m] = label;
            if (m < months) {
                flowMonths[m] = label;
            }
        }
        List<Series> out = new ArrayList<>();

        // ---- monthly ----
        int childrenCells = next(out);
        out.add(Series.filled(Table.MONTHLY, OutputMetric.CHILDREN, "all", censusMonths, (r, cells, o) -> {
            for (int m = 0; m < censusMonths.length; m++) {
                cells[o + m] = r.childrenInCare(m);
            }
        }));
        for (int t = 0; t < types; t++) {
            int type = t;
            out.add(Series.column(Table.MONTHLY, OutputMetric.CHILDREN, ids[t], censusMonths, r -> r.census, type, types));
        }
        int spendCells = next(out);
        out.add(Series.filled(Table.MONTHLY, OutputMetric.SPEND, "all", flowMonths, (r, cells, o) -> {
            for (int m = 0; m < flowMonths.length; m++) {
                cells[o + m] = r.totalSpend(m);
            }
        }));
        int[] spendByTypeCells = new int[types];
        for (int t = 0; t < types; t++) {
            int type = t;
            spendByTypeCells[t] = next(out);
            out.add(Series.amounts(Table.MONTHLY, OutputMetric.SPEND, ids[t], flowMonths, r -> r.spend, type, types));
        }
        String[] lineIds = model.costLines().ids();
        int lines = lineIds.length;
        int[] lineSpendCells = new int[lines];
        for (int l = 0; l < lines; l++) {
            int line = l;
            lineSpendCells[l] = next(out);
            out.add(Series.amounts(Table.MONTHLY, OutputMetric.SPEND, lineIds[l], flowMonths, r -> r.lineSpend, line, lines));
        }
        for (int t = 0; t < types; t++) {
            if (!model.capacity().isUnlimited(t)) {
                int type = t;
                out.add(Series.column(Table.MONTHLY, OutputMetric.PLACES, ids[t], censusMonths, r -> r.places, type, types));
            }
        }
        int spillOverCells = next(out);
        out.add(Series.filled(Table.MONTHLY, OutputMetric.SPILL_OVER, "all", flowMonths, (r, cells, o) -> {
            for (int m = 0; m < flowMonths.length; m++) {
                cells[o + m] = sum(r.spillOver, m * types, types);
            }
        }));
        int[] spillOverByTypeCells = new int[types];
        for (int t = 0; t < types; t++) {
            int type = t;
            spillOverByTypeCells[t] = next(out);
            out.add(Series.column(Table.MONTHLY, OutputMetric.SPILL_OVER, ids[t], flowMonths, r -> r.spillOver, type, types));
        }
        int entriesCells = next(out);
        out.add(Series.column(Table.MONTHLY, OutputMetric.ENTRIES, "all", flowMonths, r -> r.entries, 0, 1));
        int reasons = ExitReason.values().length;
        int exitsCells = next(out);
        out.add(Series.filled(Table.MONTHLY, OutputMetric.EXITS, "all", flowMonths, (r, cells, o) -> {
            for (int m = 0; m < flowMonths.length; m++) {
                cells[o + m] = sum(r.exits, m * reasons, reasons);
            }
        }));
        for (ExitReason reason : ExitReason.values()) {
            int k = reason.ordinal();
            out.add(Series.column(Table.MONTHLY, OutputMetric.EXITS, reason.id(), flowMonths, r -> r.exits, k, reasons));
        }
        int movesCells = next(out);
        out.add(Series.column(Table.MONTHLY, OutputMetric.MOVES, "all", flowMonths, r -> r.moves, 0, 1));
        out.add(Series.column(Table.MONTHLY, OutputMetric.BREAKDOWNS, "all", flowMonths, r -> r.breakdowns, 0, 1));
        out.add(Series.column(Table.MONTHLY, OutputMetric.STEP_DOWNS, "all", flowMonths, r -> r.stepDowns, 0, 1));
        out.add(Series.column(Table.MONTHLY, OutputMetric.THREE_PLUS_PLACEMENTS, "all", censusMonths, r -> r.threePlusPlacements, 0, 1));

        // ---- indicators councils report, at each census ----
        boolean[] own = new boolean[types];
        boolean[] secure = new boolean[types];
        for (int t = 0; t < types; t++) {
            // Own provision is a place the council provides: not a child living with parents or adopters.
            own[t] = model.placements().providers()[t] == Provider.COUNCIL
                    && model.placements().categories()[t] != PlacementCategory.PLACED_WITH_PARENTS_OR_OTHER;
            secure[t] = model.placements().categories()[t] == PlacementCategory.SECURE_WELFARE;
        }
        // Shares of the children in care: the filled ones read the count from its cells.
        out.add(new Series(Table.MONTHLY, OutputMetric.OWN_PROVISION_SHARE, "all", censusMonths,
                (r, m) -> share(count(r, m, own), r.childrenInCare(m)), (r, cells, o) -> {
            for (int m = 0; m < censusMonths.length; m++) {
                cells[o + m] = share(count(r, m, own), cells[childrenCells + m]);
            }
        }));
        out.add(new Series(Table.MONTHLY, OutputMetric.OUT_OF_BOROUGH_SHARE, "all", censusMonths,
                (r, m) -> share(sum(r.outOfBorough, m * types, types, 1), r.childrenInCare(m)), (r, cells, o) -> {
            for (int m = 0; m < censusMonths.length; m++) {
                cells[o + m] = share(sum(r.outOfBorough, m * types, types, 1), cells[childrenCells + m]);
            }
        }));
        if (model.entries().uascNeed() >= 0 || hasUascAtStart(model)) {
            out.add(Series.column(Table.MONTHLY, OutputMetric.UASC, "all", censusMonths, r -> r.uasc, 0, 1));
        }
        out.add(Series.filled(Table.MONTHLY, OutputMetric.OUT_OF_BOROUGH, "all", censusMonths, (r, cells, o) -> {
            for (int m = 0; m < censusMonths.length; m++) {
                cells[o + m] = sum(r.outOfBorough, m * types, types, 1);
            }
        }));
        out.add(new Series(Table.MONTHLY, OutputMetric.THREE_PLUS_PLACEMENTS_SHARE, "all", censusMonths,
                (r, m) -> share(r.threePlusPlacements[m], r.childrenInCare(m)), (r, cells, o) -> {
            for (int m = 0; m < censusMonths.length; m++) {
                cells[o + m] = share(r.threePlusPlacements[m], cells[childrenCells + m]);
            }
        }));
        out.add(Series.filled(Table.MONTHLY, OutputMetric.LONG_TERM_STABLE_SHARE, "all", censusMonths, (r, cells, o) -> {
            for (int m = 0; m < censusMonths.length; m++) {
                cells[o + m] = share(r.longTermStable[m], r.longTermEligible[m]);
            }
        }));
        out.add(Series.filled(Table.MONTHLY, OutputMetric.SECURE_WELFARE, "all", censusMonths, (r, cells, o) -> {
            for (int m = 0; m < censusMonths.length; m++) {
                cells[o + m] = count(r, m, secure);
            }
        }));

        // ---- money: income, net cost, budget and pressure ----
        Money money = new Money(model);
        Finance finance = model.finance();
        String[] budgetLines = new String[finance.lines() + 1];
        System.arraycopy(finance.lineIds(), 0, budgetLines, 0, finance.lines());
        budgetLines[finance.lines()] = Money.UNBUDGETED;
        // The money series read the month cells filled before them (spend, income, net cost,
        // budget): each is worked out once per replication, in the same arithmetic as its value.
        int incomeCells = -1;
        if (finance.incomes() > 0) {
            incomeCells = next(out);
            out.add(Series.filled(Table.MONTHLY, OutputMetric.INCOME, "all", flowMonths, (r, cells, o) -> {
                for (int m = 0; m < months; m++) {
                    cells[o + m] = money.income(r, m);
                }
            }));
        }
        int netCostCells = next(out);
        int incomeFrom = incomeCells;
        out.add(new Series(Table.MONTHLY, OutputMetric.NET_COST, "all", flowMonths, money::netCost, (r, cells, offset) -> {
            for (int m = 0; m < months; m++) {
                cells[offset + m] = cells[spendCells + m] - (incomeFrom < 0 ? 0.0 : cells[incomeFrom + m]);
            }
        }));
        int budgetCells = -1;
        if (finance.hasBudget()) {
            budgetCells = next(out);
            out.add(Series.filled(Table.MONTHLY, OutputMetric.BUDGET, "all", flowMonths, (r, cells, o) -> {
            for (int m = 0; m < flowMonths.length; m++) {
                cells[o + m] = money.budget(r, m);
            }
        }));
            int budgetFrom = budgetCells;
            int[] yearOf = time.financialYearIndex();
            // Year to date, so a finance officer can read a forecast outturn month by month.
            out.add(new Series(Table.MONTHLY, OutputMetric.PRESSURE_YEAR_TO_DATE, "all", flowMonths, (r, m) -> {
                double total = 0;
                for (int k = m; k >= 0 && yearOf[k] == yearOf[m]; k--) {
                    total += money.pressure(r, k);
                }
                return total;
            }, (r, cells, offset) -> {
                for (int m = 0; m < months; m++) {
                    double total = 0;
                    for (int k = m; k >= 0 && yearOf[k] == yearOf[m]; k--) {
                        total += cells[netCostCells + k] - cells[budgetFrom + k];
                    }
                    cells[offset + m] = total;
                }
            }));
        }

        // ---- yearly (financial years) ----
        String[] years = time.financialYears();
        int[] firstMonth = time.yearFirstMonth();
        int[] endMonth = time.yearEndMonth();
        outturn(model, out);
        // A yearly sum of a monthly series is the sum of that series' month cells, in month order.
        YearlySums sums = new YearlySums(firstMonth, endMonth);
        out.add(sums.of(Table.YEARLY, OutputMetric.SPEND, "all", years, (r, m) -> r.totalSpend(m), spendCells));
        for (int t = 0; t < types; t++) {
            int type = t;
            out.add(sums.of(Table.YEARLY, OutputMetric.SPEND, ids[t], years, (r, m) -> r.spend[m * types + type],
                    spendByTypeCells[t]));
        }
        for (int l = 0; l < lines; l++) {
            int line = l;
            out.add(sums.of(Table.YEARLY, OutputMetric.SPEND, lineIds[l], years, (r, m) -> r.lineSpend[m * lines + line],
                    lineSpendCells[l]));
        }
        if (finance.incomes() > 0) {
            out.add(sums.of(Table.YEARLY, OutputMetric.INCOME, "all", years, money::income, incomeCells));
            for (int i = 0; i < finance.incomes(); i++) {
                int line = i;
                out.add(Series.filled(Table.YEARLY, OutputMetric.INCOME, finance.incomeIds()[i], years, (r, cells, o) -> {
                    for (int y = 0; y < years.length; y++) {
                        double total = 0;
                        for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                            total += money.income(r, line, m);
                        }
                        cells[o + y] = total;
                    }
                }));
            }
        }
        out.add(sums.of(Table.YEARLY, OutputMetric.NET_COST, "all", years, money::netCost, netCostCells));
        if (finance.hasBudget()) {
            // The net budget: spending budgets less the income they expect.
            out.add(sums.of(Table.YEARLY, OutputMetric.BUDGET, "all", years, (r, m) -> money.budget(r, m), budgetCells));
            for (int l = 0; l <= finance.lines(); l++) {
                int line = l;
                out.add(Series.filled(Table.YEARLY, OutputMetric.BUDGET, budgetLines[l], years, (r, cells, o) -> {
                    for (int y = 0; y < years.length; y++) {
                        double total = 0;
                        for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                            total += money.budget(r, line, m);
                        }
                        cells[o + y] = total;
                    }
                }));
            }
            int budgetFrom = budgetCells;
            out.add(new Series(Table.YEARLY, OutputMetric.PRESSURE, "all", years, yearly(firstMonth, endMonth, money::pressure),
                    (r, cells, offset) -> {
                        for (int y = 0; y < firstMonth.length; y++) {
                            double total = 0;
                            for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                                total += cells[netCostCells + m] - cells[budgetFrom + m];
                            }
                            cells[offset + y] = total;
                        }
                    }));
            for (int l = 0; l <= finance.lines(); l++) {
                int line = l;
                // A line's own pressure is gross: income is not attributed to lines.
                out.add(Series.filled(Table.YEARLY, OutputMetric.PRESSURE, budgetLines[l], years, (r, cells, o) -> {
                    for (int y = 0; y < years.length; y++) {
                        double total = 0;
                        for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                            total += money.spend(r, line, m) - money.budget(r, line, m);
                        }
                        cells[o + y] = total;
                    }
                }));
            }
            for (int i = 0; i < finance.incomes(); i++) {
                int line = i;
                // Income short of what the budget expects is pressure; more is a saving (negative).
                out.add(Series.filled(Table.YEARLY, OutputMetric.PRESSURE, finance.incomeIds()[i], years, (r, cells, o) -> {
                    for (int y = 0; y < years.length; y++) {
                        double total = 0;
                        for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                            total += money.incomeBudget(r, line, m) - money.income(r, line, m);
                        }
                        cells[o + y] = total;
                    }
                }));
            }
        }
        // Counts: whole numbers, so their sums are exact in any order.
        out.add(sums.of(Table.YEARLY, OutputMetric.ENTRIES, "all", years, (r, m) -> r.entries[m], entriesCells));
        out.add(sums.of(Table.YEARLY, OutputMetric.EXITS, "all", years, (r, m) -> sum(r.exits, m * reasons, reasons), exitsCells));
        out.add(sums.of(Table.YEARLY, OutputMetric.SPILL_OVER, "all", years, (r, m) -> sum(r.spillOver, m * types, types),
                spillOverCells));
        for (int t = 0; t < types; t++) {
            int type = t;
            // By the type the child went to instead: where the missing places push children.
            out.add(sums.of(Table.YEARLY, OutputMetric.SPILL_OVER, ids[t], years, (r, m) -> r.spillOver[m * types + type],
                    spillOverByTypeCells[t]));
        }
        out.add(sums.of(Table.YEARLY, OutputMetric.MOVES, "all", years, (r, m) -> r.moves[m], movesCells));
        out.add(new Series(Table.YEARLY, OutputMetric.CHILDREN_AT_YEAR_END, "all", years, (r, y) -> r.childrenInCare(endMonth[y]),
                (r, cells, offset) -> {
                    for (int y = 0; y < endMonth.length; y++) {
                        cells[offset + y] = cells[childrenCells + endMonth[y]];
                    }
                }));

        // ---- use of each pool of places (the council's, and every one an intervention adds) ----
        double[] monthStart = time.monthStartDay();
        for (int t = 0; t < types; t++) {
            if (model.capacity().isUnlimited(t)) {
                continue;
            }
            int type = t;
            out.add(new Series(Table.YEARLY, OutputMetric.PLACES_MEAN, ids[t], years, (r, y) -> {
                double placeDays = 0;
                for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                    placeDays += r.placeDays[m * types + type];
                }
                return placeDays / (monthStart[endMonth[y]] - monthStart[firstMonth[y]]);
            }));
            out.add(new Series(Table.YEARLY, OutputMetric.CHILDREN_PLACED_MEAN, ids[t], years, (r, y) -> {
                double childDays = 0;
                for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                    childDays += r.childDays[m * types + type];
                }
                return childDays / (monthStart[endMonth[y]] - monthStart[firstMonth[y]]);
            }));
            out.add(Series.filled(Table.YEARLY, OutputMetric.PLACEMENTS_STARTED, ids[t], years, (r, cells, o) -> {
            for (int y = 0; y < years.length; y++) {
                cells[o + y] = sum(r.placementsStarted, firstMonth[y] * types + type, endMonth[y] - firstMonth[y], types);
            }
        }));
            out.add(Series.filled(Table.YEARLY, OutputMetric.BREAKDOWNS, ids[t], years, (r, cells, o) -> {
            for (int y = 0; y < years.length; y++) {
                cells[o + y] = sum(r.breakdownsIn, firstMonth[y] * types + type, endMonth[y] - firstMonth[y], types);
            }
        }));
            if (model.satellites().appliesTo(t)) {
                out.add(Series.filled(Table.YEARLY, OutputMetric.SUPPORTED_BY_HUBS, ids[t], years, (r, cells, o) -> {
            for (int y = 0; y < years.length; y++) {
                cells[o + y] = r.supportedByHubs[endMonth[y] * types + type];
            }
        }));
            }
        }
        return out;
    }

    /**
     * The projected outturn of the financial year the start falls in, when the start is not in
     * April and the actuals give the spend of every earlier month of that year: actual spend to
     * date plus the forecast of the year's remaining months, in all and for each type whose
     * every earlier month is given.
     */
    private static void outturn(Model model, List<Series> out) {
        History h = model.history();
        TimeGrid time = model.time();
        java.time.YearMonth start = java.time.YearMonth.from(time.start());
        java.time.YearMonth april = java.time.YearMonth.of(start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1, 4);
        if (h.isEmpty() || start.equals(april)) {
            return;
        }
        int types = model.types();
        int end = time.yearEndMonth()[0];
        String[] year = {time.financialYears()[0]};
        double all = 0;
        double[] byType = new double[types];
        for (java.time.YearMonth m = april; m.isBefore(start); m = m.plusMonths(1)) {
            int k = h.indexOf(m.toString());
            all += k < 0 ? Double.NaN : h.spend()[k];
            for (int t = 0; t < types; t++) {
                byType[t] += k < 0 ? Double.NaN : h.spendByType()[k * types + t];
            }
        }
        if (!Double.isNaN(all)) {
            double actual = all;
            out.add(new Series(Table.YEARLY, OutputMetric.SPEND_OUTTURN, "all", year, (r, y) -> {
                double total = actual;
                for (int m = 0; m < end; m++) {
                    total += r.totalSpend(m);
                }
                return total;
            }));
        }
        String[] ids = model.placements().ids();
        for (int t = 0; t < types; t++) {
            if (!Double.isNaN(byType[t])) {
                int type = t;
                double actual = byType[t];
                out.add(new Series(Table.YEARLY, OutputMetric.SPEND_OUTTURN, ids[t], year, (r, y) -> {
                    double total = actual;
                    for (int m = 0; m < end; m++) {
                        total += r.spend[m * types + type];
                    }
                    return total;
                }));
            }
        }
    }

    private static boolean hasUascAtStart(Model model) {
        for (boolean u : model.initial().uasc()) {
            if (u) {
                return true;
            }
        }
        return false;
    }

    /** The output cells (series x periods) a run of {@code model} reports. */
    public static int cells(Model model) {
        return next(of(model));
    }

    /** The first cell of the next series added: cells are numbered series by series, period by period. */
    private static int next(List<Series> out) {
        int cells = 0;
        for (Series x : out) {
            cells += x.periods().length;
        }
        return cells;
    }

    /**
     * Yearly sums of monthly series: read period by period from a replication's tallies, and
     * filled with the other cells from the monthly series' cells, filled before them.
     */
    private record YearlySums(int[] firstMonth, int[] endMonth) {
        Series of(Table table, OutputMetric metric, String group, String[] years, Series.Value monthly, int monthCells) {
            return new Series(table, metric, group, years, yearly(firstMonth, endMonth, monthly), (r, cells, offset) -> {
                for (int y = 0; y < firstMonth.length; y++) {
                    double total = 0;
                    for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                        total += cells[monthCells + m];
                    }
                    cells[offset + y] = total;
                }
            });
        }
    }

    /** A monthly quantity summed over each financial year's months within the horizon. */
    private static Series.Value yearly(int[] firstMonth, int[] endMonth, Series.Value monthly) {
        return (r, y) -> {
            double total = 0;
            for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                total += monthly.of(r, m);
            }
            return total;
        };
    }

    /** Children at census {@code m} in the types marked. */
    private static double count(ReplicationResult r, int m, boolean[] marked) {
        int total = 0;
        for (int t = 0; t < r.types; t++) {
            if (marked[t]) {
                total += r.census[m * r.types + t];
            }
        }
        return total;
    }

    /** A share from 0 to 1; zero when there is no one to count (not NaN, which no summary can rank). */
    private static double share(double part, double whole) {
        return whole > 0 ? part / whole : 0;
    }

    /** Sum of {@code count} elements from {@code from}, {@code stride} apart. */
    private static double sum(double[] a, int from, int count, int stride) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += a[from + i * stride];
        }
        return total;
    }

    /** Sum of {@code count} elements from {@code from}, {@code stride} apart. */
    private static double sum(int[] a, int from, int count, int stride) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += a[from + i * stride];
        }
        return total;
    }

    private static double sum(int[] a, int from, int length) {
        long total = 0;
        for (int i = from; i < from + length; i++) {
            total += a[i];
        }
        return total;
    }
}
