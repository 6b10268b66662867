package no.fyrtarn.directory;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Team {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Team() {
    }

    public Team(String name, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.createdAt = now;
    }

    /**
     * A team's name as it is stored and looked up: every run of spaces, tabs or line breaks, a no-break space pasted
     * from a web page included, is one space, and there is none around it ("Kunde  Service " is "Kunde Service").
     * Null for null.
     */
    public static String normalized(String name) {
        return name == null ? null : SPACES.matcher(name).replaceAll(" ").strip();
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }
}
