/**
 * The compiled model the engine reads, in days and pounds: calendar (TimeGrid), placement types,
 * capacity plans, need levels, entries, matching, breakdown hazards and frailty, step-down and
 * ageing rules, exit hazards, the children at the start, finance; and closed forms over it
 * (SteadyState, StockProfile, StartingMix, PopulationBound).
 */
package org.carecast.model;
