package org.carecast.benchmarks;

import org.carecast.model.Model;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioReader;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shipped scenarios whether JMH runs from the repository root or from benchmarks/. */
final class Scenarios {

    private Scenarios() {
    }

    static Model load(String name) {
        Path root = Path.of(System.getProperty("carecast.root", "."));
        Path file = root.resolve("scenarios").resolve(name + ".yaml");
        if (!Files.exists(file)) {
            file = root.resolve("..").resolve("scenarios").resolve(name + ".yaml");
        }
        return ModelCompiler.compile(ScenarioReader.read(file));
    }
}
