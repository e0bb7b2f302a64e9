/**
 * The discrete-event simulation: the EventQueue seam and its implementations, keyed random
 * streams (RandomStreams), one replication (Replication, with PlaceVoids and StepDownCandidates),
 * monthly indicator counts, and Simulator, which runs replications in parallel and in order.
 */
package org.carecast.engine;
