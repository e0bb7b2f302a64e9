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
    /** The types each budget line pays for, ascending (the last entry: unbudgeted types). */
    private final int[][] typesOfLine;
    /** The types each income line is earned on, ascending. */
    private final int[][] typesOfIncome;

    Money(Model model) {
        this.central = model.finance();
        this.types = model.types();
        this.typesOfLine = new int[central.lines() + 1][];
        for (int line = 0; line <= central.lines(); line++) {
            int owned = line;
            typesOfLine[line] = java.util.stream.IntStream.range(0, types)
                    .filter(t -> central.lineOfType()[t] == owned || (central.lineOfType()[t] < 0 && owned == central.lines()))
                    .toArray();
        }
        // A draw changes rates, never which types an income line is earned on.
        this.typesOfIncome = new int[central.incomes()][];
        for (int i = 0; i < central.incomes(); i++) {
            int line = i;
            typesOfIncome[i] = java.util.stream.IntStream.range(0, types).filter(t -> central.incomeTypes()[line * types + t]).toArray();
        }
    }

    private Finance finance(ReplicationResult r) {
        return r.model != null ? r.model.finance() : central;
    }

    /** Spend in month {@code m} on budget line {@code line} (or unbudgeted when {@code line == lines()}). */
    double spend(ReplicationResult r, int line, int m) {
        // A draw changes budgets and rates, never which line pays for a type.
        double total = 0;
        for (int t : typesOfLine[line]) {
            total += r.spend[m * types + t];
        }
        if (line == central.lines()) {
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
        for (int t : typesOfIncome[i]) {
            base += kind == Finance.Kind.PER_CHILD_DAY ? r.childDays[m * types + t] : r.spend[m * types + t];
        }
        return base * rate;
    }

    /** Income in month {@code m} on every income line. */
    double income(ReplicationResult r, int m) {
        double total = 0;
        for (int i = 0; i < central.incomes(); i++) {
            total += income(r, i, m);
        }
        return total;
    }

    /** Spend minus income in month {@code m}. */
    double netCost(ReplicationResult r, int m) {
        return r.totalSpend(m) - income(r, m);
    }

    /** Net cost minus budget in month {@code m}. */
    double pressure(ReplicationResult r, int m) {
        return netCost(r, m) - budget(r, m);
    }
}
