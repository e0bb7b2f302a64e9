package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.model.Finance;
import org.carecast.model.Model;

/**
 * One replication's money by month in pounds, from its spend and child-days and the model's
 * {@link Finance}: spend per budget line, income per income line, net cost and pressure.
 * Budget line index {@code finance.lines()} is "unbudgeted": types no line lists, and every
 * intervention cost line. Budgets, income rates and the line structure are read from the model
 * the replication ran ({@link ReplicationResult#model}): with ranged assumptions a budget's
 * growth or an income rate may be drawn per replication; the lines are the same in every draw.
 */
final class Money {

    static final String UNBUDGETED = "unbudgeted";

    private final Finance central;
    private final int types;

    Money(Model model) {
        this.central = model.finance();
        this.types = model.types();
    }

    private Finance finance(ReplicationResult r) {
        return r.model != null ? r.model.finance() : central;
    }

    /** Spend in month {@code m} on budget line {@code line} (or unbudgeted when {@code line == lines()}). */
    double spend(ReplicationResult r, int line, int m) {
        Finance finance = finance(r);
        double total = 0;
        for (int t = 0; t < types; t++) {
            int owner = finance.lineOfType()[t];
            if (owner == line || (owner < 0 && line == finance.lines())) {
                total += r.spend[m * types + t];
            }
        }
        if (line == finance.lines()) {
            for (int l = 0; l < r.lines; l++) {
                total += r.lineSpend[m * r.lines + l];
            }
        }
        return total;
    }

    /** Budget in month {@code m} on a line (zero for unbudgeted). */
    double budget(ReplicationResult r, int line, int m) {
        Finance finance = finance(r);
        return line == finance.lines() ? 0 : finance.budget()[m * finance.lines() + line];
    }

    /** The net budget in month {@code m}: spending budgets less the income they expect. */
    double budget(ReplicationResult r, int m) {
        return finance(r).netBudget(m);
    }

    /** Income the budget expects in month {@code m} on income line {@code i}. */
    double incomeBudget(ReplicationResult r, int i, int m) {
        Finance finance = finance(r);
        return finance.incomeBudget()[m * finance.incomes() + i];
    }

    /** Income in month {@code m} on income line {@code i}. */
    double income(ReplicationResult r, int i, int m) {
        Finance finance = finance(r);
        int incomes = finance.incomes();
        double rate = finance.incomeRate()[m * incomes + i];
        Finance.Kind kind = finance.incomeKinds()[i];
        if (kind == Finance.Kind.FIXED) {
            return rate;
        }
        if (kind == Finance.Kind.PER_UASC_CHILD_DAY) {
            return r.uascDays[m] * rate;
        }
        double base = 0;
        for (int t = 0; t < types; t++) {
            if (finance.incomeTypes()[i * types + t]) {
                base += kind == Finance.Kind.PER_CHILD_DAY ? r.childDays[m * types + t] : r.spend[m * types + t];
            }
        }
        return base * rate;
    }

    double income(ReplicationResult r, int m) {
        Monthly cached = monthly(r);
        return cached == null ? incomeOf(r, m) : cached.income[m];
    }

    private double incomeOf(ReplicationResult r, int m) {
        double total = 0;
        for (int i = 0; i < central.incomes(); i++) {
            total += income(r, i, m);
        }
        return total;
    }

    /** Spend minus income in month {@code m}. */
    double netCost(ReplicationResult r, int m) {
        Monthly cached = monthly(r);
        return cached == null ? r.totalSpend(m) - incomeOf(r, m) : cached.netCost[m];
    }

    /** Net cost minus budget in month {@code m}. */
    double pressure(ReplicationResult r, int m) {
        Monthly cached = monthly(r);
        return cached == null ? r.totalSpend(m) - incomeOf(r, m) - budget(r, m) : cached.pressure[m];
    }

    /**
     * One replication's income, net cost and pressure by month, worked out once: many series
     * (monthly, yearly, the pressure so far in each year) read them, and each costs a pass over
     * the types and lines. Kept per worker thread for the replication its result object last
     * held ({@link ReplicationResult#serial}); the same arithmetic as uncached, so the same doubles.
     */
    private static final class Monthly {
        ReplicationResult result;
        long serial;
        double[] income;
        double[] netCost;
        double[] pressure;
    }

    private final ThreadLocal<Monthly> cache = ThreadLocal.withInitial(Monthly::new);

    private Monthly monthly(ReplicationResult r) {
        if (r.serial == 0) {
            return null;
        }
        Monthly c = cache.get();
        if (c.result != r || c.serial != r.serial) {
            int months = r.months;
            if (c.income == null || c.income.length != months) {
                c.income = new double[months];
                c.netCost = new double[months];
                c.pressure = new double[months];
            }
            for (int m = 0; m < months; m++) {
                c.income[m] = incomeOf(r, m);
                c.netCost[m] = r.totalSpend(m) - c.income[m];
                c.pressure[m] = c.netCost[m] - budget(r, m);
            }
            c.result = r;
            c.serial = r.serial;
        }
        return c;
    }
}
