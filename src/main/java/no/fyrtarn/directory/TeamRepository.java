package no.fyrtarn.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    /**
     * The team of this name whatever its case and spaces ("sales" and "Sales " are Sales; there is one team per name
     * so written, V13 and V14; {@link Team#normalized}).
     */
    public Optional<Team> findByName(String name) {
        return find("lower(name) = lower(?1)", Team.normalized(name)).firstResultOptional();
    }

    /** The teams these names name, each name as given to its team's id; a name that is no team is left out. */
    public Map<String, UUID> idsByName(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        List<?> rows = getEntityManager().createNativeQuery("""
                select n.name, t.id from unnest(cast(:names as text[])) as n(name)
                  join team t on lower(t.name) = lower(n.name)""")
                .setParameter("names", names.stream().map(Team::normalized).distinct().toArray(String[]::new))
                .getResultList();
        Map<String, UUID> found = new HashMap<>();
        rows.stream().map(r -> (Object[]) r).forEach(r -> found.put((String) r[0], (UUID) r[1]));
        Map<String, UUID> ids = new HashMap<>();
        for (String name : names) {
            UUID id = found.get(Team.normalized(name));
            if (id != null) {
                ids.put(name, id);
            }
        }
        return ids;
    }

    /** The teams someone is in. */
    public List<Team> withMembers() {
        return list("from Team t where exists (from Employee e where e.team = t and e.leftAt is null)");
    }

    public Team findOrCreate(String name, Instant now) {
        return findByName(name).orElseGet(() -> {
            Team team = new Team(Team.normalized(name), now);
            persist(team);
            return team;
        });
    }
}
