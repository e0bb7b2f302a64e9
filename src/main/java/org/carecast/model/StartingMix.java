package org.carecast.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The children in care at the start by age band, beside what the scenario's flows sustain in
 * the long run ({@link SteadyState}). Where the two differ, the projection moves from one to the
 * other over the first years whatever the placements do; a reader must know that such a
 * movement comes from the assumptions, not from a forecast of demand.
 *
 * @param bands      age band names
 * @param atStart    children at the start per band
 * @param sustained  children the flows sustain per band, in the long run
 */
public record StartingMix(String[] bands, int[] atStart, double[] sustained) {

    /** A band differs materially when it is off by more than this share of itself... */
    private static final double BAND_SHARE = 0.10;
    /** ...and by more than this share of all children in care. */
    private static final double TOTAL_SHARE = 0.02;

    /** Counts the children at the start by band and computes the steady state of the flows. */
    public static StartingMix of(Model model) {
        AgeBands ages = model.ages();
        int[] atStart = new int[ages.size()];
        InitialCohort cohort = model.initial();
        for (int i = 0; i < cohort.size(); i++) {
            atStart[ages.bandOf(cohort.ageMinDays()[i])]++;
        }
        double[] sustained = SteadyState.of(model).childrenByBand().clone();
        EntryProcess entries = model.entries();
        if (entries.uascAges() != null && entries.uascRatePerDay()[0] > 0) {
            // Unaccompanied asylum seekers are a stream of their own, at their own ages.
            double[] uasc = SteadyState.of(ages, entries.uascAges(), entries.uascRatePerDay()[0] * TimeGrid.DAYS_PER_YEAR,
                    model.exits()).childrenByBand();
            for (int b = 0; b < sustained.length; b++) {
                sustained[b] += uasc[b];
            }
        }
        return new StartingMix(ages.names(), atStart, sustained);
    }

    public int childrenAtStart() {
        int sum = 0;
        for (int c : atStart) {
            sum += c;
        }
        return sum;
    }

    public double childrenSustained() {
        double sum = 0;
        for (double c : sustained) {
            sum += c;
        }
        return sum;
    }

    /** Indices of the bands whose start and steady state differ materially. */
    public List<Integer> unsettledBands() {
        double total = Math.max(childrenAtStart(), childrenSustained());
        List<Integer> out = new ArrayList<>();
        for (int b = 0; b < bands.length; b++) {
            double gap = Math.abs(atStart[b] - sustained[b]);
            if (gap > BAND_SHARE * Math.max(atStart[b], sustained[b]) && gap > TOTAL_SHARE * total) {
                out.add(b);
            }
        }
        return out;
    }

    /** Whether the projection will move away from the start for this reason alone. */
    public boolean unsettled() {
        double total = Math.max(childrenAtStart(), childrenSustained());
        return !unsettledBands().isEmpty() || Math.abs(childrenAtStart() - childrenSustained()) > TOTAL_SHARE * total;
    }

    /**
     * One paragraph for a commissioner or finance officer: which ages at the start differ from
     * what the flows keep in care, and what that does to the early years of the projection.
     */
    public String caution() {
        StringBuilder s = new StringBuilder("The children in care at the start do not match what the scenario's entries "
                + "and exits keep in care in the long run (");
        for (int b : unsettledBands()) {
            s.append(String.format(Locale.ROOT, "children %s: %,d at the start against %,.0f kept; ", bandName(bands[b]),
                    atStart[b], sustained[b]));
        }
        s.append(String.format(Locale.ROOT, "in all: %,d against %,.0f).", childrenAtStart(), childrenSustained()));
        s.append(" Over the first years these numbers move towards what is kept whatever the placements do, so part of "
                + "any early fall or rise in children in care, and in spend, comes from this mismatch in the assumptions, "
                + "not from a forecast of demand. 'carecast validate' lists every age band.");
        return s.toString();
    }

    /** The caution when {@link #unsettled()}, else nothing: what a run's report shows. */
    public List<String> cautions() {
        return unsettled() ? List.of(caution()) : List.of();
    }

    private static String bandName(String band) {
        return band.equals("0") ? "under 1" : "aged " + band;
    }
}
