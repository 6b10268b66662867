package no.fyrtarn.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An employee as the directory shows it; {@code leader} is true when someone reports to them, {@code leftAt} when they
 * left the company (null while they are in it).
 */
public record EmployeeView(
        @Schema(example = "3a9c1f2e-5b6d-4c7e-8f9a-0b1c2d3e4f5a") UUID employeeId,
        @Schema(example = "ola.nordmann@example.com") String email,
        @Schema(example = "Ola Nordmann") String name,
        @Schema(example = "Sales") String team,
        @Schema(example = "lead.sales@example.com") String managerEmail,
        @Schema(example = "[\"employee\"]") List<String> roles,
        @Schema(example = "false") boolean leader,
        @Schema(example = "Bergen") String location,
        @Schema(example = "nb") String language,
        @Schema(description = "When they left the company (DELETE); null while they are in it",
                example = "null") Instant leftAt) {

    static EmployeeView of(Employee e, boolean leader) {
        return new EmployeeView(e.id(), e.email(), e.name(), e.teamName(), e.managerEmail(), e.roles(), leader,
                e.location(), e.language(), e.leftAt());
    }
}
