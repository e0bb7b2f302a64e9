/**
 * Scenario files to a compiled model: InputFile and CsvTable read a user's files safely,
 * YamlTreeReader keeps every node's line and column, ScenarioComposer resolves extends,
 * ScenarioReader and InterventionReader validate with located errors into immutable records,
 * ModelCompiler turns them into the model's arrays.
 */
package org.carecast.scenario;
