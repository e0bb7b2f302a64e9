package org.carecast.scenario;

import org.carecast.scenario.Scenario.Ageing;
import org.carecast.scenario.Scenario.MatchingRule;
import org.carecast.scenario.Scenario.StepDown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rules that move children between placement types: {@code matching} (every age band
 * and need level covered once, each list ending in an unlimited type), {@code stepDown} and
 * {@code ageing}.
 */
final class RulesReader {

    private final ScenarioFrame frame;

    RulesReader(ScenarioFrame frame) {
        this.frame = frame;
    }

    List<MatchingRule> matching(YamlNode node) {
        YamlNode.Sequence list = FieldReader.asSequence(node, "a list of matching rules");
        List<MatchingRule> rules = new ArrayList<>();
        Map<String, SourceLocation> covered = new HashMap<>();
        for (YamlNode item : list.items()) {
            FieldReader f = FieldReader.of(item, "a matching rule");
            List<String> bands = f.has("ageBands") ? frame.choices(f.optional("ageBands"), frame.bandNames(), "age bands") : frame.bandNames();
            List<String> needs = f.has("needs") ? frame.choices(f.optional("needs"), frame.needIds(), "need levels") : frame.needIds();
            YamlNode orderNode = f.required("order", "a list of placement types in order of preference");
            List<String> order = readOrder(orderNode);
            f.finish();
            for (String band : bands) {
                for (String need : needs) {
                    SourceLocation earlier = covered.putIfAbsent(band + "/" + need, item.location());
                    if (earlier != null) {
                        throw new ScenarioException(item.location(), item.path(), "age band " + band + " and need level "
                                + need + " are already matched by the rule at line " + earlier.line());
                    }
                }
            }
            rules.add(new MatchingRule(bands, needs, order));
        }
        for (String band : frame.bandNames()) {
            for (String need : frame.needIds()) {
                if (!covered.containsKey(band + "/" + need)) {
                    throw new ScenarioException(list.location(), list.path(),
                            "no rule matches age band " + band + " with need level " + need);
                }
            }
        }
        return rules;
    }

    /** A preference list: known types, no repeats, ending in an unlimited type. */
    private List<String> readOrder(YamlNode orderNode) {
        List<String> order = frame.choices(orderNode, frame.typesById().keySet(), "placement types");
        if (order.isEmpty()) {
            throw new ScenarioException(orderNode.location(), orderNode.path(), "expected at least one placement type");
        }
        if (new HashSet<>(order).size() != order.size()) {
            throw new ScenarioException(orderNode.location(), orderNode.path(), "a placement type is listed twice");
        }
        String last = order.get(order.size() - 1);
        if (!frame.typesById().get(last).capacity().unlimited()) {
            YamlNode lastNode = ((YamlNode.Sequence) orderNode).items().get(order.size() - 1);
            throw new ScenarioException(lastNode.location(), lastNode.path(), "expected the last placement type to have"
                    + " unlimited capacity so every child can be placed, found '" + last + "' with limited capacity");
        }
        return order;
    }

    List<StepDown> stepDowns(YamlNode node) {
        List<StepDown> rules = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (YamlNode item : FieldReader.asSequence(node, "a list of step-down rules").items()) {
            FieldReader f = FieldReader.of(item, "a step-down rule");
            YamlNode fromNode = f.required("from", "a list of placement types children step down from");
            List<String> from = frame.choices(fromNode, frame.typesById().keySet(), "placement types");
            for (int i = 0; i < from.size(); i++) {
                if (!sources.add(from.get(i))) {
                    YamlNode at = ((YamlNode.Sequence) fromNode).items().get(i);
                    throw new ScenarioException(at.location(), at.path(),
                            "'" + from.get(i) + "' already has a step-down rule; each type steps down to one target");
                }
            }
            YamlNode toNode = f.required("to", "a placement type");
            String to = FieldReader.choice(toNode, frame.typesById().keySet());
            if (from.contains(to)) {
                throw new ScenarioException(toNode.location(), toNode.path(), "a type cannot step down to itself");
            }
            double minStay = f.number("minimumStayDays", 0, 36500, "a number of days, 0 or more");
            double probability = f.number("probability", 0, 1, "a probability from 0 to 1");
            double[] ages = FieldReader.ageRange(f);
            f.finish();
            rules.add(new StepDown(from, to, minStay, probability, ages[0], ages[1]));
        }
        return rules;
    }

    Ageing ageing(YamlNode node) {
        FieldReader f = FieldReader.of(node, "the ageing rules");
        double share = f.number("semiIndependenceShare", 0, 1, "a share from 0 to 1");
        List<String> from = frame.choices(f.required("from", "a list of placement types"), frame.typesById().keySet(), "placement types");
        List<String> order = readOrder(f.required("order", "a list of placement types in order of preference"));
        f.finish();
        return new Ageing(share, from, order);
    }
}
