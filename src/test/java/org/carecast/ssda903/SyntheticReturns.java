package org.carecast.ssda903;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of SSDA903 returns from known parameters, for round-trip tests: children
 * enter care as a Poisson process, leave at a constant hazard per age band (or at 18), and move
 * placement at a constant hazard; each collection year (April to March) gets a header file and
 * an episodes file in the real column layout, with episodes open at the year end written with
 * an empty DEC and repeated, closed, in the next year's file, as councils' returns are.
 */
final class SyntheticReturns {

    static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * Known parameters: entries per month, age-band shares on entry, exit hazards per band per
     * year (for children 1 to 3 years into care), move hazard per year, share entering kinship
     * care, and exit-hazard multipliers for under 1, 1 to 3, and 3 or more years in care; and
     * the share of entrants who also move once as their care plan says, after an exponential
     * time with the given mean in months (REASON_PLACE_CHANGE CARPL; 0 for none).
     */
    record Parameters(double entriesPerMonth, double[] ageShares, double[] exitPerYear, double movesPerYear,
                      double kinshipShare, double[] timeInCareMultiplier, double carePlanShare,
                      double carePlanMeanMonths, double frailtyVariance) {

        Parameters(double entriesPerMonth, double[] ageShares, double[] exitPerYear, double movesPerYear,
                   double kinshipShare, double[] timeInCareMultiplier, double carePlanShare, double carePlanMeanMonths) {
            this(entriesPerMonth, ageShares, exitPerYear, movesPerYear, kinshipShare, timeInCareMultiplier, carePlanShare,
                    carePlanMeanMonths, 0);
        }

        /** The same process with each child's move hazard times its own gamma draw of mean 1 and this variance. */
        Parameters withFrailty(double variance) {
            return new Parameters(entriesPerMonth, ageShares, exitPerYear, movesPerYear, kinshipShare, timeInCareMultiplier,
                    carePlanShare, carePlanMeanMonths, variance);
        }
    }

    /** One generated child's episode (in memory, before writing); {@code reason} is its REASON_PLACE_CHANGE. */
    record Ep(int child, LocalDate start, LocalDate end, String rne, String place, String provider, String rec,
              String reason) {
    }

    final List<Ep> episodes = new ArrayList<>();
    final List<int[]> childIds = new ArrayList<>();
    final List<LocalDate> births = new ArrayList<>();

    SyntheticReturns(Parameters p, LocalDate from, LocalDate to, long seed) {
        this(p, from, to, seed, null);
    }

    /**
     * As above, with the entry rate multiplied by {@code entryMultiplier} (of the entry date, at
     * most 1) by thinning: a candidate entry is kept with that probability, drawn from a stream of
     * its own (none is drawn when the multiplier is null, so a run without one is unchanged).
     */
    SyntheticReturns(Parameters p, LocalDate from, LocalDate to, long seed,
                     java.util.function.ToDoubleFunction<LocalDate> entryMultiplier) {
        Random random = new Random(seed);
        Random thinning = new Random(seed ^ 0x9E3779B97F4A7C15L);
        // Care-plan moves draw from a stream of their own, so the other draws are those of a run without them.
        Random carePlan = new Random(seed ^ 0x2545F4914F6CDD1DL);
        // Frailties likewise: a run without them draws exactly what it drew before.
        org.apache.commons.math3.distribution.GammaDistribution frailty = p.frailtyVariance() > 0
                ? new org.apache.commons.math3.distribution.GammaDistribution(
                        new org.apache.commons.math3.random.Well19937c(seed ^ 0x5DEECE66DL), 1 / p.frailtyVariance(), p.frailtyVariance())
                : null;
        double day = 0;
        int child = 0;
        long span = to.toEpochDay() - from.toEpochDay();
        double perDay = p.entriesPerMonth() / (365.25 / 12);
        while (true) {
            day += -Math.log(1 - random.nextDouble()) / perDay;
            if (day >= span) {
                break;
            }
            LocalDate entry = from.plusDays((long) day);
            if (entryMultiplier != null && thinning.nextDouble() >= entryMultiplier.applyAsDouble(entry)) {
                continue;
            }
            int band = pick(p.ageShares(), random.nextDouble());
            double lower = Calibration.BANDS[band];
            double upper = band + 1 < Calibration.BANDS.length ? Calibration.BANDS[band + 1] : 18;
            double age = lower + (upper - lower) * random.nextDouble();
            LocalDate birth = entry.minusDays(Math.round(age * 365.25));
            // Exit: a hazard constant between age-band edges and time-in-care edges, or the 18th birthday.
            double t = age;
            double exitAge = 18;
            double need = -Math.log(1 - random.nextDouble());
            int k = 0;  // time-in-care band, advanced explicitly: recomputing it from t - age can stall on rounding
            while (t < 18) {
                int b = 0;
                while (b + 1 < Calibration.BANDS.length && t >= Calibration.BANDS[b + 1]) {
                    b++;
                }
                double bandEnd = b + 1 < Calibration.BANDS.length ? Calibration.BANDS[b + 1] : 18;
                double ticEnd = k == 0 ? age + 1 : k == 1 ? age + 3 : Double.POSITIVE_INFINITY;
                double end = Math.min(Math.min(bandEnd, ticEnd), 18);
                double h = p.exitPerYear()[b] * p.timeInCareMultiplier()[k];
                if (h * (end - t) >= need) {
                    exitAge = t + need / h;
                    break;
                }
                need -= h * (end - t);
                if (end == ticEnd) {
                    k++;
                }
                t = end;
            }
            LocalDate exit = exitAge >= 18 ? birth.plusYears(18) : birth.plusDays(Math.round(exitAge * 365.25));
            if (!exit.isAfter(entry)) {
                continue;
            }
            String rec = exitAge >= 18 ? "E17" : switch (pick(new double[] {0.5, 0.2, 0.2, 0.1}, random.nextDouble())) {
                case 0 -> "E13";
                case 1 -> "E12";
                case 2 -> "E45";
                default -> "E8";
            };
            boolean kinship = random.nextDouble() < p.kinshipShare();
            String place = kinship ? "U1" : "U4";
            LocalDate start = entry;
            String rne = "S";
            double proneness = frailty == null ? 1 : frailty.sample();
            while (true) {
                double stay = -Math.log(1 - random.nextDouble()) / (p.movesPerYear() * proneness);
                LocalDate moveAt = start.plusDays(Math.max(1, Math.round(stay * 365.25)));
                if (!moveAt.isBefore(exit)) {
                    episodes.add(new Ep(child, start, exit, rne, place, "PR1", rec, ""));
                    break;
                }
                episodes.add(new Ep(child, start, moveAt, rne, place, "PR1", "X1", "CREQB"));
                start = moveAt;
                rne = "P";
            }
            if (carePlan.nextDouble() < p.carePlanShare()) {
                // One more move, at its own time, on top of the others (their hazard is memoryless).
                double months = -Math.log(1 - carePlan.nextDouble()) * p.carePlanMeanMonths();
                splitAt(child, entry.plusDays(Math.max(1, Math.round(months * 365.25 / 12))));
            }
            births.add(birth);
            child++;
        }
    }

    /** Splits the child's episode running on {@code at} (if any) into two, the first ended by a care-plan move. */
    private void splitAt(int child, LocalDate at) {
        for (int i = episodes.size() - 1; i >= 0 && episodes.get(i).child() == child; i--) {
            Ep x = episodes.get(i);
            if (x.start().isBefore(at) && at.isBefore(x.end())) {
                episodes.set(i, new Ep(child, x.start(), at, x.rne(), x.place(), x.provider(), "X1", "CARPL"));
                episodes.add(i + 1, new Ep(child, at, x.end(), "P", x.place(), x.provider(), x.rec(), x.reason()));
                return;
            }
        }
    }

    private static int pick(double[] shares, double u) {
        double c = 0;
        for (int i = 0; i < shares.length; i++) {
            c += shares[i];
            if (u < c) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /**
     * Children in care on {@code date} as the returns show it: an episode that ends on the first
     * day of the next collection year is still open in this year's file.
     */
    long inCareOn(LocalDate date) {
        return episodes.stream().filter(e -> !e.start().isAfter(date) && !e.end().isBefore(date)
                && births.get(e.child()).plusYears(18).isAfter(date)).map(Ep::child).distinct().count();
    }

    /**
     * Writes one header and one episodes file per collection year ending 31 March of each year
     * in {@code years}; returns [headers, episodes].
     */
    List<List<Path>> write(Path folder, int firstYear, int lastYear) throws IOException {
        return write(folder, firstYear, lastYear, false);
    }

    /**
     * As {@link #write(Path, int, int)}; with {@code messy}, each episodes file also gets the
     * quirks of real returns: every 7th row's dates in ISO form, one row repeated exactly, and
     * two bad rows of an extra child (an impossible date; a PLACE code that does not exist).
     */
    List<List<Path>> write(Path folder, int firstYear, int lastYear, boolean messy) throws IOException {
        List<Path> headers = new ArrayList<>();
        List<Path> eps = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate yearStart = LocalDate.of(year - 1, 4, 1);
            LocalDate yearEnd = LocalDate.of(year, 4, 1);
            StringBuilder e = new StringBuilder("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
            java.util.TreeSet<Integer> children = new java.util.TreeSet<>();
            for (Ep x : episodes) {
                // An episode ending on 1 April was still open that day, so it belongs to the new year too.
                if (x.start().isBefore(yearEnd) && !x.end().isBefore(yearStart)) {
                    boolean open = !x.end().isBefore(yearEnd);
                    DateTimeFormatter f = messy && children.size() % 7 == 3 ? DateTimeFormatter.ISO_LOCAL_DATE : UK;
                    String row = (1000 + x.child()) + "," + x.start().format(f) + "," + x.rne() + ",C2,N1," + x.place()
                            + "," + x.provider() + "," + (open ? "" : x.end().format(f)) + "," + (open ? "" : x.rec())
                            + "," + (open ? "" : x.reason()) + ",A1 1AA,B2 2BB,\n";
                    e.append(row);
                    if (messy && children.size() == 10) {
                        e.append(row);
                    }
                    children.add(x.child());
                }
            }
            if (messy) {
                e.append("999999,31/02/").append(year).append(",S,C2,N1,U4,PR1,,,,,,\n");
                e.append("999999,01/05/").append(year - 1).append(",S,C2,N1,Q9,PR1,,,,,,\n");
            }
            StringBuilder h = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
            for (int c : children) {
                h.append(1000 + c).append(",1,").append(births.get(c).format(UK)).append(",WBRI,,,\n");
            }
            Path hf = folder.resolve(year + "-header.csv");
            Path ef = folder.resolve(year + "-episodes.csv");
            Files.writeString(hf, h);
            Files.writeString(ef, e);
            headers.add(hf);
            eps.add(ef);
        }
        return List.of(headers, eps);
    }
}
