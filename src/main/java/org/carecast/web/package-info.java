/**
 * {@code carecast serve}: the same model in a browser. Lists the scenarios in a folder, shows a
 * scenario's main assumptions as a form with their sources, saves changes as a small scenario
 * that {@code extends} the one edited, and runs run, compare, sensitivity and calibrate as
 * background jobs whose results open as the same report.
 *
 * <p>Built on Javalin (Jetty) with jte templates compiled at build time ({@code src/main/jte})
 * and GOV.UK Frontend styles served from the jar; no page needs JavaScript. Jobs run the
 * command line itself in-process through a {@link org.carecast.web.CommandRunner}, so a page
 * shows exactly the messages the command line prints. Depends on scenario and report; the cli
 * package starts it.
 */
package org.carecast.web;
