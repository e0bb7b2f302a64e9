package org.carecast.scenario;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad interventions: each error names the line of the intervention list and the field. */
class InterventionErrorsTest {

    static final Path SMALL = Path.of("src/test/resources/scenarios/small.yaml");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown kind        | '{id: x, kind: new_hom, start: 2025-06-01}' | interventions[0].kind | did you mean 'new_home'",
        "unlimited home type | '{id: x, kind: new_home, like: market, start: 2025-06-01, places: 2, fixedAnnualCost: 1}' | interventions[0].like | which is unlimited",
        "start outside       | '{id: x, kind: demand_change, start: 2030-01-01, factor: 0.9}' | interventions[0].start | outside the horizon",
        "end before start    | '{id: x, kind: demand_change, start: 2025-06-01, end: 2025-05-01, factor: 0.9}' | interventions[0].end | expected an end after the start",
        "id clashes w/ type  | '{id: home, kind: demand_change, start: 2025-06-01, factor: 0.9}' | interventions[0].id | already a placement type",
        "negative factor     | '{id: x, kind: demand_change, start: 2025-06-01, factor: -1}' | interventions[0].factor | 0 or more",
        "unknown field       | '{id: x, kind: demand_change, start: 2025-06-01, factr: 0.9}' | interventions[0].factr | did you mean 'factor'",
    })
    void badInterventionsAreReportedWithTheirLocation(String what, String intervention, String field, String message)
            throws Exception {
        String text = Files.readString(SMALL) + "interventions:\n  - " + intervention + "\n";
        int line = (int) text.lines().count();
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(SMALL, text));
        assertTrue(e.getMessage().startsWith(SMALL + ":" + line + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("field '" + field + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void hubsOnOneTypeMustShareTheirCarerLossMultiplier() throws Exception {
        String hub = "{kind: mockingbird, fosterType: foster, start: 2025-06-01, hubs: 1, satelliteHouseholds: 6,"
                + " childrenPerHousehold: 1, annualCostPerHub: 1, breakdownMultiplier: 0.7, carerLossMultiplier: ";
        String text = Files.readString(SMALL) + "interventions:\n  - " + hub.replace("{", "{id: a, ") + "0.5}\n  - "
                + hub.replace("{", "{id: b, ") + "0.8}\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(SMALL, text));
        assertTrue(e.getMessage().contains("interventions[1].carerLossMultiplier"), e.getMessage());
        assertTrue(e.getMessage().contains("must share one carer loss multiplier"), e.getMessage());
    }
}
