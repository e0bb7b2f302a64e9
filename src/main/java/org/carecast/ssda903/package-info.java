/**
 * A council's SSDA903 returns: reading header and episodes files with every bad row counted
 * (Ssda903Reader, ProblemLog), periods of care (CareHistory), calibration of rates with their
 * intervals (Calibration), the calibrated scenario's text (CalibratedScenario) and actual
 * censuses for back-tests.
 */
package org.carecast.ssda903;
