package org.carecast.engine;

/**
 * Receives each replication's tallies as soon as it finishes, on the worker thread that ran
 * it. Implementations must copy what they keep (the result object is reused) and must tolerate
 * calls from several threads at once for different replication indices.
 */
@FunctionalInterface
public interface ResultSink {

    void accept(int replication, ReplicationResult result);
}
