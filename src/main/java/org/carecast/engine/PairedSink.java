package org.carecast.engine;

/**
 * Receives replication {@code i} of several scenarios at once, all run with the same seed and
 * so the same children and draws. Like {@link ResultSink}, implementations must copy what they
 * keep and tolerate calls from several threads for different replication indices.
 */
@FunctionalInterface
public interface PairedSink {

    void accept(int replication, ReplicationResult[] results);
}
