package org.carecast.ssda903;

import java.time.LocalDate;

/** A child's header row: identifier, sex (1 male, 2 female) and date of birth. */
public record ChildRecord(String child, String sex, LocalDate birth) {
}
