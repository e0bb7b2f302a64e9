package org.carecast.model;

/**
 * The model each replication runs. Most scenarios give every number once, and every
 * replication runs the same model; a scenario with ranged assumptions gives each replication
 * pair (2k, 2k + 1) its own draw of them, compiled into a model of the same shape (same types,
 * months and cost lines: only numbers differ), so the outputs of every replication line up.
 *
 * <p>Implementations must be safe to call from several worker threads and must return the
 * same numbers for the same replication whatever the thread or order of calls.
 */
public interface ReplicationModels {

    /** The model with every assumption at its central value: the shape of the outputs, and the labels. */
    Model central();

    /** The model replication {@code replication} runs. */
    Model forReplication(int replication);

    /** Every replication runs {@code model}. */
    static ReplicationModels fixed(Model model) {
        return new ReplicationModels() {
            @Override
            public Model central() {
                return model;
            }

            @Override
            public Model forReplication(int replication) {
                return model;
            }
        };
    }
}
