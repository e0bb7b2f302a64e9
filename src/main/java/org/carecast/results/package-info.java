/**
 * From replications to what is reported: every output quantity defined once (OutputMetric,
 * Table), the series a run reports (OutputSeries), money (Money), aggregation into percentiles
 * (Aggregator, QuantileSketch) as a Projection, paired comparisons (Comparison) and back-test
 * scores (Backtest).
 */
package org.carecast.results;
