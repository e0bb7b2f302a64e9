package org.carecast.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Values in the assumptions table read as a reader takes them in (the values themselves: ScenarioValuesTest). */
class ScenarioAssumptionsTest {

    @Test
    void valuesReadInWords() {
        assertEquals("£1.10m", ScenarioAssumptions.inWords("placementTypes[council_home].fixedAnnualCost", "1100000"));
        assertEquals("£950", ScenarioAssumptions.inWords("placementTypes[ifa].weeklyCost", "950"));
        assertEquals("2025/26: £2.50m", ScenarioAssumptions.inWords("finance.budgetLines[semi].byYear", "{\"2025/26\": 2500000}"));
        assertEquals("£6,600 (PERT £6,100 to £7,300)",
                ScenarioAssumptions.inWords("placementTypes[external_home].weeklyCost", "{central: 6600, low: 6100, high: 7300}"));
        assertEquals("0.15 (PERT 0.08 to 0.22)",
                ScenarioAssumptions.inWords("needLevels[standard].escalationProbability", "{central: 0.15, low: 0.08, high: 0.22}"));
        assertEquals("16.1", ScenarioAssumptions.inWords("entries.monthlyRate", "16.1"));
        assertEquals("[0, 1, 5, 10, 16]", ScenarioAssumptions.inWords("ageBands", "[0, 1, 5, 10, 16]"));
    }
}
