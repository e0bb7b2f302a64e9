package org.carecast.ssda903;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import org.carecast.scenario.InputFile;
import org.carecast.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;

/**
 * How SSDA903 placement codes (PLACE, PLACE_PROVIDER) map to scenario placement types, with
 * the fields a scenario needs that SSDA903 does not hold (costs, category, location). The
 * default is {@code ssda903/default-mapping.yaml} in the jar, documented line by line.
 */
public record PlacementMapping(List<Type> types) {

    /**
     * One scenario placement type and the episodes it takes.
     *
     * @param places    PLACE codes
     * @param providers PLACE_PROVIDER codes, or empty for any provider
     */
    public record Type(String id, String label, String category, String provider, String location, double weeklyCost,
                       double annualInflation, List<String> places, List<String> providers) {
        public Type {
            places = places == null ? List.of() : List.copyOf(places);
            providers = providers == null ? List.of() : List.copyOf(providers);
        }

        boolean takes(Episode e) {
            return places.contains(e.place()) && (providers.isEmpty() || providers.contains(e.provider()));
        }
    }

    public PlacementMapping {
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** Index of the first type that takes the episode (every code reaches one: see {@link #read}). */
    public int typeOf(Episode e) {
        for (int t = 0; t < types.size(); t++) {
            if (types.get(t).takes(e)) {
                return t;
            }
        }
        throw new IllegalStateException("no type for PLACE " + e.place() + " " + e.provider());
    }

    public static PlacementMapping defaults() {
        try (InputStream in = PlacementMapping.class.getResourceAsStream("/ssda903/default-mapping.yaml")) {
            return parse(Path.of("default-mapping.yaml"), in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("the default mapping is missing from the jar", e);
        }
    }

    public static PlacementMapping read(Path file) {
        String text;
        try {
            text = InputFile.read(file, InputFile.Kind.MAPPING);
        } catch (ScenarioException e) {
            throw new Ssda903Exception(file, 0, "cannot read the mapping: " + e.problem());
        }
        return parse(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** "LINE:COLUMN" of a Jackson error, or "" when it has none. */
    private static String where(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.split("\n")[0].trim();
        // Jackson names its own classes and the record's Java types; the field path says enough.
        return line.replaceAll("\\s*\\(for Object starting at.*", "").replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1");
    }

    private static PlacementMapping parse(Path file, byte[] yaml) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        PlacementMapping mapping;
        try {
            mapping = mapper.readValue(yaml, PlacementMapping.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            throw new Ssda903Exception(file, where(e), "field '" + field + "': " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new Ssda903Exception(file, where(e), "malformed YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Ssda903Exception(file, 0, "cannot read the mapping: " + firstLine(e.getMessage()));
        }
        if (mapping == null || mapping.types() == null || mapping.types().isEmpty()) {
            throw new Ssda903Exception(file, 0, "expected a list 'types' of placement types");
        }
        for (String code : Ssda903Codes.PLACE) {
            boolean reached = mapping.types().stream().anyMatch(t -> t.places().contains(code) && t.providers().isEmpty());
            if (!reached) {
                throw new Ssda903Exception(file, 0, "PLACE " + code + " reaches no type for every provider: list it in a"
                        + " type without 'providers', so that no episode is left unmapped");
            }
        }
        return mapping;
    }
}
