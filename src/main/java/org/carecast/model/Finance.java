package org.carecast.model;

/**
 * Budgets and income around the placements, compiled to monthly amounts in pounds. Spend on a
 * placement type counts against the budget line that lists it; spend on types no line lists
 * (for example a new home an intervention adds) and on intervention cost lines is
 * "unbudgeted": it all adds to pressure. Pressure is net cost (spend minus income) minus
 * budget.
 *
 * <p>A line's annual budget is spread over the months of its financial year in proportion to
 * their days, so a horizon that starts or ends mid-year is compared with the matching part of
 * the budget.
 *
 * @param lineIds       budget line ids
 * @param lineLabels    budget line names for reports
 * @param lineOfType    the budget line of each placement type, or -1 when unbudgeted
 * @param budget        budget in month {@code m} on line {@code l}, at {@code m * lines + l}
 * @param incomeIds     income line ids
 * @param incomeLabels  income line names
 * @param incomeKinds   how each income line is earned
 * @param incomeTypes   the placement types each income line depends on, at {@code i * types + t}
 * @param incomeRate    per income line: pounds per child-day (already times the share), share of
 *                      spend, or pounds per month, in month {@code m} at {@code m * incomes + i}
 *                      (inflation included)
 * @param incomeBudget  income the budget expects in month {@code m} on line {@code i}, at {@code m * incomes + i}
 * @param placeholderBudgets whether the budgets are placeholders, not a council's budget book:
 *                      every figure measured against them must say so, charts included
 */
public record Finance(String[] lineIds, String[] lineLabels, int[] lineOfType, double[] budget,
                      String[] incomeIds, String[] incomeLabels, Kind[] incomeKinds, boolean[] incomeTypes,
                      double[] incomeRate, double[] incomeBudget, boolean placeholderBudgets) {

    /** How an income line is earned (see the scenario's {@code finance.income}). */
    public enum Kind { PER_CHILD_DAY, SHARE_OF_SPEND, FIXED, PER_UASC_CHILD_DAY }

    public int lines() {
        return lineIds.length;
    }

    public int incomes() {
        return incomeIds.length;
    }

    /** The net budget of month {@code m}: spending budgets less the income they expect. */
    public double netBudget(int m) {
        double total = 0;
        for (int l = 0; l < lines(); l++) {
            total += budget[m * lines() + l];
        }
        for (int i = 0; i < incomes(); i++) {
            total -= incomeBudget[m * incomes() + i];
        }
        return total;
    }

    /** Whether the scenario gives budgets, so that pressure means something. */
    public boolean hasBudget() {
        return lineIds.length > 0;
    }
}
