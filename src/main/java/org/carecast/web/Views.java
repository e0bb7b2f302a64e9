package org.carecast.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Small pieces the page templates ({@code src/main/jte}) share: what a box shows when a form
 * comes back with errors, and the GOV.UK classes for a field with or without one.
 */
public final class Views {

    /** The GOV.UK Frontend release served from the jar (the webjar's folder name). */
    public static final String GOVUK_VERSION = govukVersion();

    private Views() {
    }

    /** carecast's version, as {@code carecast --version} gives it. */
    public static String version() {
        return property("/carecast.properties", "version");
    }

    private static String govukVersion() {
        return property("/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties", "version");
    }

    /** One value of a properties file in the jar, or "" when it is missing. */
    private static String property(String resource, String key) {
        try (InputStream in = Views.class.getResourceAsStream(resource)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty(key, "");
        } catch (IOException e) {
            return "";
        }
    }

    /** What the box {@code name} shows: what was sent, when the form came back, else {@code original}. */
    public static String typed(AssumptionForm.Submission submission, String name, String original) {
        if (submission == null) {
            return original;
        }
        return submission.values().getOrDefault(name, original);
    }

    /** True when an intervention's box is ticked: always at first, as sent when the form came back. */
    public static boolean kept(AssumptionForm.Submission submission, String id) {
        return submission == null || submission.values().containsKey("keep:" + id);
    }

    /** The error to show beside field {@code index}, or null. */
    public static String errorFor(AssumptionForm.Submission submission, int index) {
        return submission == null ? null : submission.fieldErrors().get(index);
    }

    public static String groupClass(String error) {
        return error == null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";
    }

    /** A box wide enough for its value: short for numbers, wider for dates and mappings. */
    public static String inputClass(String error, String value) {
        String width = value.length() <= 8 ? "govuk-input--width-10" : value.length() <= 20 ? "govuk-input--width-20" : "";
        return ("govuk-input " + width + (error == null ? "" : " govuk-input--error")).replace("  ", " ").trim();
    }

    /** The ids a field's box is described by: its hint, and its error when it has one. */
    public static String describedBy(int index, String error) {
        return "v" + index + "-hint" + (error == null ? "" : " v" + index + "-error");
    }

    /** A moment as the pages show it: day and time to the minute, UTC. */
    public static String time(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    /** A section heading as a fragment id: lower-case words joined by hyphens. */
    public static String anchor(String heading) {
        return "section-" + heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
