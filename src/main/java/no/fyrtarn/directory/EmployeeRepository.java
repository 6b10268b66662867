package no.fyrtarn.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, UUID> {

    /** The advisory lock's key: "fyrtdirs" in ASCII, so it does not meet another feature's lock. */
    private static final long CHANGE_LOCK = 0x6679727464697273L;

    /**
     * Makes the caller's transaction the only one adding to or changing the directory until it ends. An import reads
     * who and which teams exist after this, so two at once that add the same new person or team do not both insert
     * them (the second failing on the first's e-mail or name), and each checks for reporting cycles with the other's
     * lines in place.
     */
    public void lockForImport() {
        lock("pg_advisory_xact_lock");
    }

    /**
     * Waits for an import under way ({@link #lockForImport}), which may be adding the same person; additions do not
     * wait for each other.
     */
    public void lockForAddition() {
        lock("pg_advisory_xact_lock_shared");
    }

    private void lock(String function) {
        getEntityManager().createNativeQuery("select 1 from " + function + "(:key)").setParameter("key", CHANGE_LOCK)
                .getSingleResult();
    }

    public Optional<Employee> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    /** The employees with these e-mails, as entities an import changes. */
    public List<Employee> findByEmails(Collection<String> emails) {
        return emails.isEmpty() ? List.of() : list("email in ?1", emails);
    }

    /**
     * Who is behind a token, in one round trip (every request asks): id, e-mail, name, team id and name, stored roles
     * and whether anyone reports to them. Empty for someone who left.
     */
    public Optional<Object[]> memberRow(String email) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select e.id, e.email, e.name, t.id, t.name, array(select jsonb_array_elements_text(e.roles)),
                       exists (select 1 from employee r where r.manager_id = e.id)
                from employee e left join team t on t.id = e.team_id where e.email = :email and e.left_at is null""")
                .setParameter("email", email).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst();
    }

    /** Their direct reports. */
    public List<Employee> reportsOf(UUID managerId) {
        return list("manager.id", managerId);
    }

    /** Which of these employees have at least one direct report. */
    public Set<UUID> leadersAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select distinct e.manager.id from Employee e where e.manager.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    /**
     * One page of those in the company (or of those who left), in {@code team} (null: in any or none), ordered by
     * e-mail, starting after {@code afterEmail}; fetches limit + 1 to tell if more follow.
     */
    public List<Employee> page(EmployeeStatus status, Team team, String query, String afterEmail, int limit) {
        StringBuilder where = new StringBuilder(status == EmployeeStatus.LEFT ? "e.leftAt is not null"
                : "e.leftAt is null");
        Parameters params = new Parameters();
        if (team != null) {
            where.append(" and e.team = :team");
            params.and("team", team);
        }
        if (query != null) {
            where.append(" and (lower(e.name) like :q escape '\\' or e.email like :q escape '\\')");
            String pattern = query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            params.and("q", "%" + pattern + "%");
        }
        if (afterEmail != null) {
            where.append(" and e.email > :after");
            params.and("after", afterEmail);
        }
        return find("select e from Employee e left join fetch e.team t left join fetch e.manager where " + where
                + " order by e.email",
                params).range(0, limit - 1).list();
    }

    /** Just-in-time provisioning; safe when two first requests of the same person race. */
    public void insertIfAbsent(String email, String name, List<String> roles, Instant now) {
        getEntityManager().createNativeQuery("""
                insert into employee (id, email, name, roles, created_at, updated_at)
                values (:id, :email, :name, cast(:roles as jsonb), :now, :now)
                on conflict (email) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("email", email)
                .setParameter("name", name)
                .setParameter("roles", rolesJson(roles))
                .setParameter("now", now)
                .executeUpdate();
    }

    private static String rolesJson(List<String> roles) {
        return roles.stream().map(r -> "\"" + r + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }
}
