package no.fyrtarn.directory;

import java.util.Locale;
import java.util.Optional;

/** The roles of the contract; they are the JWT groups too. LEADER is never stored: it follows from direct reports. */
public enum Role {
    EMPLOYEE, LEADER, MARKETING, ADMIN;

    public static final String EMPLOYEE_NAME = "employee";
    public static final String LEADER_NAME = "leader";
    public static final String MARKETING_NAME = "marketing";
    public static final String ADMIN_NAME = "admin";

    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromGroup(String group) {
        for (Role role : values()) {
            if (role.groupName().equalsIgnoreCase(group == null ? "" : group.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
