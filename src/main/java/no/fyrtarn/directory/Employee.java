package no.fyrtarn.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Employee {

    /** The longest e-mail address (RFC 5321's path) and name the directory stores, as their columns allow. */
    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 200;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private Employee manager;

    private String location;

    private String language;

    /** Stored roles, always containing "employee"; never "leader" (derived from reports). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> roles = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When they left the company; null while they are in it. */
    @Column(name = "left_at")
    private Instant leftAt;

    protected Employee() {
    }

    public Employee(String email, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.name = name;
        this.roles = new ArrayList<>(List.of(Role.EMPLOYEE_NAME));
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Applies directory data; returns whether anything changed. */
    boolean update(String name, Team team, String location, String language, List<String> roles, Instant now) {
        boolean changed = !Objects.equals(this.name, name) || !Objects.equals(teamName(), team == null ? null : team.name())
                || !Objects.equals(this.location, location) || !Objects.equals(this.language, language)
                || !Objects.equals(this.roles, roles);
        if (changed) {
            this.name = name;
            this.team = team;
            this.location = location;
            this.language = language;
            this.roles = new ArrayList<>(roles);
            this.updatedAt = now;
        }
        return changed;
    }

    /** They left the company: out of the directory until an import names them again ({@link #stay}). */
    void leave(Instant now) {
        this.leftAt = now;
        this.updatedAt = now;
    }

    /** An import named them: in the company, back if they had left; returns whether they had. */
    boolean stay(Instant now) {
        if (leftAt == null) {
            return false;
        }
        this.leftAt = null;
        this.updatedAt = now;
        return true;
    }

    public boolean hasLeft() {
        return leftAt != null;
    }

    public Instant leftAt() {
        return leftAt;
    }

    boolean reportTo(Employee newManager, Instant now) {
        if (Objects.equals(managerEmail(), newManager == null ? null : newManager.email())) {
            return false;
        }
        this.manager = newManager;
        this.updatedAt = now;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Team team() {
        return team;
    }

    public String teamName() {
        return team == null ? null : team.name();
    }

    public Employee manager() {
        return manager;
    }

    public String managerEmail() {
        return manager == null ? null : manager.email();
    }

    public String location() {
        return location;
    }

    public String language() {
        return language;
    }

    public List<String> roles() {
        return List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
