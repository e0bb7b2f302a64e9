package org.carecast.benchmarks;

import org.carecast.model.Model;
import org.carecast.model.ReplicationModels;
import org.carecast.scenario.AssumptionDraws;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the shipped scenarios whether JMH runs from the repository root or from benchmarks/. */
final class Scenarios {

    private Scenarios() {
    }

    static Model load(String name) {
        return ModelCompiler.compile(ScenarioReader.read(file(name)));
    }

    /** The models a run of the scenario gives its replications: each pair its own draw of the ranged assumptions. */
    static ReplicationModels draws(String name, long seed) {
        return AssumptionDraws.of(ScenarioReader.readUncertain(file(name), List.of()), seed);
    }

    private static Path file(String name) {
        Path root = Path.of(System.getProperty("carecast.root", "."));
        Path file = root.resolve("scenarios").resolve(name + ".yaml");
        if (!Files.exists(file)) {
            file = root.resolve("..").resolve("scenarios").resolve(name + ".yaml");
        }
        return file;
    }
}
