package no.fyrtarn.directory;

import java.util.List;
import java.util.UUID;

/** An employee as the directory shows it; {@code leader} is true when someone reports to them. */
public record EmployeeView(UUID employeeId, String email, String name, String team, String managerEmail,
        List<String> roles, boolean leader, String location, String language) {

    static EmployeeView of(Employee e, boolean leader) {
        return new EmployeeView(e.id(), e.email(), e.name(), e.teamName(), e.managerEmail(), e.roles(), leader,
                e.location(), e.language());
    }
}
