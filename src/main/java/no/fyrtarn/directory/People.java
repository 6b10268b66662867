package no.fyrtarn.directory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import no.fyrtarn.infra.KeptFor;

/**
 * Who is who, for features that show people (leaderboards, leaders, teams): names, teams, and who reports to whom.
 * Answers in bulk, one query each, so a board of a hundred names costs one lookup.
 */
@ApplicationScoped
public class People {

    /** A person as others may see them: no e-mail. {@code leader}: someone reports to them. */
    public record Person(UUID employeeId, String name, String team, UUID managerId, boolean leader) {
    }

    @Inject
    EntityManager em;

    @Inject
    TeamRepository teams;

    @ConfigProperty(name = "fyrtarn.directory.member-cache", defaultValue = "5s")
    Duration keep;

    private KeptFor<UUID, Person> byId;

    @PostConstruct
    void keepPeople() {
        byId = new KeptFor<>(keep, 1_000_000);
    }

    private static final String SELECT = """
            select e.id, e.name, t.name, e.manager_id,
                   exists (select 1 from employee r where r.manager_id = e.id)
            from employee e left join team t on t.id = e.team_id""";

    /**
     * These people (unknown ids are left out). A board asks for the same hundred people on every request, so each
     * person is kept for {@code fyrtarn.directory.member-cache}, like the caller: an import on this instance forgets
     * them all as soon as it commits ({@link #forgetAll()}), another instance's import shows within that time.
     */
    @Transactional
    public Map<UUID, Person> byId(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return byId.getAll(ids, missing -> people(em.createNativeQuery(SELECT + " where e.id = any(:ids)")
                .setParameter("ids", missing.toArray(UUID[]::new)).getResultList()).stream()
                .collect(Collectors.toMap(Person::employeeId, p -> p)));
    }

    /** Names, teams and managers changed: read them again. */
    void forgetAll() {
        byId.forgetAll();
    }

    /**
     * The team's members (not those who left); empty when there is no team of that name
     * ({@link TeamRepository#findByName}).
     */
    @Transactional
    public Optional<List<Person>> team(String name) {
        return teams.findByName(name).map(team -> people(em.createNativeQuery(
                SELECT + " where e.team_id = :team and e.left_at is null").setParameter("team", team.id())
                .getResultList()));
    }

    /** Everyone with at least one direct report, by name. */
    @Transactional
    public List<Person> leaders() {
        return people(em.createNativeQuery(SELECT
                + " where exists (select 1 from employee r where r.manager_id = e.id) order by e.name, e.id")
                .getResultList());
    }

    /** The direct reports of these leaders. */
    @Transactional
    public List<Person> reportsOf(Collection<UUID> leaderIds) {
        if (leaderIds.isEmpty()) {
            return List.of();
        }
        return people(em.createNativeQuery(SELECT + " where e.manager_id = any(:ids)")
                .setParameter("ids", leaderIds.toArray(UUID[]::new)).getResultList());
    }

    private static List<Person> people(List<?> rows) {
        return rows.stream().map(r -> (Object[]) r).map(r -> new Person((UUID) r[0], (String) r[1], (String) r[2],
                (UUID) r[3], (Boolean) r[4])).toList();
    }
}
