package org.carecast.model;

/**
 * Children entering care: a Poisson process whose rate is constant within each month (so a
 * trend or a demand change takes effect month by month), with an age band drawn from shares
 * and an age uniform within the band, and a need level drawn from the need shares.
 *
 * @param ratePerDay          expected entries per day during month {@code m}
 * @param ageShareCumulative  cumulative share of entries by age band, last element 1
 */
public record EntryProcess(double[] ratePerDay, double[] ageShareCumulative) {
}
