/**
 * From replications to what is reported: every output quantity defined once (OutputMetric,
 * Table), the series a run reports (OutputSeries), money (Money), aggregation into percentiles
 * (Aggregator, QuantileSketch) as a Projection with the variance split of its headline figures
 * (VarianceSplit), paired comparisons (Comparison), one-at-a-time sensitivity (Sensitivity,
 * SensitivityOutput), sweeps of variants (Sweep) and back-test scores (Backtest).
 */
package org.carecast.results;
