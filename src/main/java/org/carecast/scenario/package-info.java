/**
 * Scenario files to a compiled model: InputFile and CsvTable read a user's files safely,
 * YamlTreeReader keeps every node's line and column, ScenarioComposer resolves extends,
 * Overrides applies --set, UncertainScenario finds the ranged assumptions (AssumptionRange) and
 * reads the scenario at any values of them, ScenarioReader, FinanceReader and InterventionReader
 * validate with located errors into immutable records, ModelCompiler turns them into the model's
 * arrays, and AssumptionDraws gives each replication pair its drawn model.
 */
package org.carecast.scenario;
