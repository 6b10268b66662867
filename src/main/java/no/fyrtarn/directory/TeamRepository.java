package no.fyrtarn.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    public Optional<Team> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public List<Team> findByNames(Collection<String> names) {
        return names.isEmpty() ? List.of() : list("name in ?1", names);
    }

    public Team findOrCreate(String name, Instant now) {
        return findByName(name).orElseGet(() -> {
            Team team = new Team(name, now);
            persist(team);
            return team;
        });
    }
}
