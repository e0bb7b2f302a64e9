/**
 * The command line: picocli commands run (and run --shard), compare, sensitivity, sweep, merge,
 * validate, calibrate and backtest, their shared options, and Main, which turns every input or
 * output problem into one located line and exit status 2. Depends on report, results, engine,
 * scenario, ssda903.
 */
package org.carecast.cli;
