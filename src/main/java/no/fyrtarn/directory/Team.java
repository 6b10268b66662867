package no.fyrtarn.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import no.fyrtarn.infra.Spaces;

@Entity
public class Team {

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

    /** A team's name as it is stored and looked up: {@link Spaces#collapsed}. */
    public static String normalized(String name) {
        return Spaces.collapsed(name);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }
}
