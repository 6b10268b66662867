package no.fyrtarn.directory;

import no.fyrtarn.infra.QueryEnums;

/** Whom a directory listing shows: those in the company, or those who left it ({@code ?status=}). */
public enum EmployeeStatus {
    ACTIVE, LEFT;

    /** From a query parameter ({@code active}, {@code left}); absent or blank: active; else a 400 naming it. */
    public static EmployeeStatus parse(String value) {
        return value == null || value.isBlank() ? ACTIVE : QueryEnums.parse(EmployeeStatus.class, value, "status");
    }
}
