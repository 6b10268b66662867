package no.fyrtarn.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

import no.fyrtarn.infra.AfterCommit;
import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.KeptFor;
import no.fyrtarn.infra.Language;
import no.fyrtarn.infra.Page;
import no.fyrtarn.infra.Problem;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.infra.ProblemMappers;
import no.fyrtarn.infra.Spaces;
import no.fyrtarn.infra.StorableText;

/** The company directory: who works here, in which team, reporting to whom, with which roles. */
@ApplicationScoped
public class DirectoryService {

    @Inject
    EmployeeRepository employees;

    @Inject
    TeamRepository teams;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    AfterCommit afterCommit;

    @Inject
    People people;

    @Inject
    Event<DirectoryChanged> changes;

    @ConfigProperty(name = "fyrtarn.directory.member-cache", defaultValue = "5s")
    Duration memberCache;

    private KeptFor<String, Member> members;

    @PostConstruct
    void keepMembers() {
        members = new KeptFor<>(memberCache, 1_000_000);
    }

    /**
     * Upper bound of one import (about what the body limit of 1 MB holds); larger directories import in several calls,
     * managers in the same call as their reports or an earlier one.
     */
    static final int MAX_ROWS = 5000;

    /**
     * Bulk upsert keyed by e-mail. Each row is the whole truth about that employee: a field left out is cleared. Every
     * problem in the batch is reported at once, and nothing is stored unless all rows are valid.
     *
     * @param caller the e-mail of the admin importing, whose own row may not take their admin role (null: the demo
     *               organisation's load, which no one makes)
     */
    @Transactional
    public ImportResult upsert(List<EmployeeRow> input, String caller) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (input == null || input.size() > MAX_ROWS) {
            throw ProblemException.badRequest("body", "must be a list of at most " + MAX_ROWS + " employees: import"
                    + " more in several calls, each manager's row in the same call as their reports' or an earlier"
                    + " one");
        }
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i) == null) {
                violations.add(new Problem.Violation("[" + i + "]", "must not be null"));
                continue;
            }
            for (var v : validator.validate(input.get(i))) {
                violations.add(new Problem.Violation("[" + i + "]." + ProblemMappers.fieldOf(v.getPropertyPath()),
                        v.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        List<EmployeeRow> rows = input.stream().map(DirectoryService::normalized).toList();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer earlier = rowOf.putIfAbsent(rows.get(i).email(), i);
            if (earlier != null) {
                violations.add(new Problem.Violation("[" + i + "].email", "appears already in row " + earlier));
            }
        }
        Set<String> mentioned = new HashSet<>(rowOf.keySet());
        rows.stream().map(EmployeeRow::managerEmail).filter(m -> m != null).forEach(mentioned::add);
        employees.lockForImport();
        Map<String, Employee> known = employees.findByEmails(mentioned).stream()
                .collect(Collectors.toMap(Employee::email, Function.identity()));
        for (int i = 0; i < rows.size(); i++) {
            String manager = rows.get(i).managerEmail();
            if (manager == null) {
                continue;
            }
            if (manager.equals(rows.get(i).email())) {
                violations.add(new Problem.Violation("[" + i + "].managerEmail", "cannot be the employee themself"));
            } else if (!rowOf.containsKey(manager)
                    && (!known.containsKey(manager) || known.get(manager).hasLeft())) {
                violations.add(new Problem.Violation("[" + i + "].managerEmail", "is not in the directory or this import"));
            } else if (leadsBackTo(rows.get(i).email(), manager, rows, rowOf, known)) {
                violations.add(new Problem.Violation("[" + i + "].managerEmail", "would make a reporting cycle"));
            }
        }
        Integer own = caller == null ? null : rowOf.get(caller);
        if (own != null && known.containsKey(caller) && known.get(caller).hasRole(Role.ADMIN_NAME)
                && !rows.get(own).roles().contains(Role.ADMIN_NAME)) {
            // as removing yourself is refused: were they the only admin, no one could give the role back
            violations.add(new Problem.Violation("[" + own + "].roles", "must keep admin: the row is yours, and"
                    + " without it you could not undo this import (another admin can take it from you)"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return apply(rows, known);
    }

    private ImportResult apply(List<EmployeeRow> rows, Map<String, Employee> known) {
        var now = clock.instant();
        Map<String, Team> teamsByName = new HashMap<>();
        rows.stream().map(EmployeeRow::team).filter(t -> t != null).distinct()
                .forEach(name -> teamsByName.put(name, teams.findOrCreate(name, now)));
        Set<String> created = new HashSet<>();
        Set<String> changed = new HashSet<>();
        for (EmployeeRow row : rows) {
            Employee employee = known.get(row.email());
            if (employee == null) {
                employee = new Employee(row.email(), row.name(), now);
                employees.persist(employee);
                known.put(row.email(), employee);
                created.add(row.email());
            }
            boolean back = employee.stay(now);
            if (employee.update(row.name(), teamsByName.get(row.team()), row.location(), row.language(), row.roles(),
                    now) || back) {
                changed.add(row.email());
            }
        }
        for (EmployeeRow row : rows) {
            Employee manager = row.managerEmail() == null ? null : known.get(row.managerEmail());
            if (known.get(row.email()).reportTo(manager, now)) {
                changed.add(row.email());
            }
        }
        changed.removeAll(created);
        if (!created.isEmpty() || !changed.isEmpty()) { // roles, names, teams or managers changed
            directoryChanged();
        }
        return new ImportResult(created.size(), changed.size(), rows.size() - created.size() - changed.size());
    }

    /**
     * Someone left the company: they are no longer in the directory, signed in, on a leaderboard or in a team, and
     * they leave the reporting lines (those who reported to them report to no one until an import names their new
     * manager). Their shares, links and points stay in the history. An import that names them brings them back.
     */
    @Transactional
    public void leave(UUID employeeId, UUID caller) {
        if (employeeId.equals(caller)) {
            throw ProblemException.conflict("You cannot remove yourself from the directory: another admin can");
        }
        employees.lockForImport();
        Employee employee = employees.findByIdOptional(employeeId).filter(e -> !e.hasLeft())
                .orElseThrow(() -> ProblemException.notFound("Employee " + employeeId));
        directoryChanged();
        Instant now = clock.instant();
        employee.leave(now);
        employee.reportTo(null, now);
        employees.reportsOf(employeeId).forEach(report -> report.reportTo(null, now));
    }

    /**
     * Says {@link DirectoryChanged} in this transaction (the boards tell their live clients, on every instance, once
     * it commits), and has members and people read again on this instance once it commits.
     */
    private void directoryChanged() {
        changes.fire(new DirectoryChanged());
        afterCommit.once(members, () -> {
            members.forgetAll();
            people.forgetAll();
        });
    }

    /** Whether making {@code manager} the manager of {@code email} closes a loop in the reporting lines. */
    private boolean leadsBackTo(String email, String manager, List<EmployeeRow> rows, Map<String, Integer> rowOf,
            Map<String, Employee> known) {
        Set<String> seen = new HashSet<>();
        String current = manager;
        while (current != null && seen.add(current)) {
            if (current.equals(email)) {
                return true;
            }
            Integer row = rowOf.get(current);
            if (row != null) {
                current = rows.get(row).managerEmail();
            } else {
                Employee e = known.computeIfAbsent(current, c -> employees.findByEmail(c).orElse(null));
                current = e == null ? null : e.managerEmail();
            }
        }
        return false;
    }

    private static EmployeeRow normalized(EmployeeRow row) {
        Set<Role> roles = EnumSet.of(Role.EMPLOYEE);
        if (row.roles() != null) {
            row.roles().forEach(r -> Role.fromGroup(r).ifPresent(roles::add));
        }
        roles.remove(Role.LEADER); // derived from reports, never stored
        return new EmployeeRow(email(row.email()), Spaces.stripped(row.name()),
                Spaces.strippedOrNull(Team.normalized(row.team())), email(row.managerEmail()),
                Spaces.strippedOrNull(row.location()), Language.tag(row.language()),
                roles.stream().map(Role::groupName).toList());
    }

    static String email(String email) {
        String address = Spaces.strippedOrNull(email);
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }

    @Transactional
    public Page<EmployeeView> list(EmployeeStatus status, String team, String query, String cursor, int limit) {
        String teamName = Spaces.strippedOrNull(Team.normalized(StorableText.require("team", team)));
        String q = Spaces.strippedOrNull(StorableText.require("q", query));
        String after = Cursor.decode(cursor);
        Optional<Team> inTeam = teamName == null ? Optional.empty() : teams.findByName(teamName);
        List<Employee> fetched = teamName != null && inTeam.isEmpty() ? List.of() // no such team: no one in it
                : employees.page(status, inTeam.orElse(null), q, after, limit + 1);
        Set<UUID> leaders = employees.leadersAmong(fetched.stream().map(Employee::id).toList());
        return Page.of(fetched, limit, Employee::email, e -> EmployeeView.of(e, leaders.contains(e.id())));
    }

    /**
     * Who is behind a request: asked on every authenticated call, so a known employee is kept for
     * {@code fyrtarn.directory.member-cache} (an import on this instance forgets them all once it commits; another
     * instance's import shows within that time).
     */
    public Optional<Member> member(String email) {
        String normalized = email(email);
        return members.get(normalized, () -> QuarkusTransaction.joiningExisting().call(() -> readMember(normalized)));
    }

    /** {@link #member} from what is kept in memory only, for a caller that must not block: empty when not kept. */
    public Optional<Member> memberIfKept(String email) {
        return members.ifKept(email(email));
    }

    /** The groups a token for this employee carries: their roles, plus "leader" when someone reports to them. */
    private Optional<Member> readMember(String email) {
        return employees.memberRow(email).map(r -> {
            Set<String> groups = new LinkedHashSet<>(Arrays.asList(rolesOf(r[5])));
            if ((Boolean) r[6]) {
                groups.add(Role.LEADER_NAME);
            }
            return new Member((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (String) r[4],
                    Set.copyOf(groups));
        });
    }

    private static String[] rolesOf(Object array) {
        try {
            return array instanceof java.sql.Array sql ? (String[]) sql.getArray() : (String[]) array;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not read an employee's roles", e);
        }
    }

    /**
     * A valid token's holder as the directory has them, just in time: someone it does not know yet is added, without
     * a team, by the name the token gives ({@link #storableName}); someone who left is not ({@link #leave}), and is
     * empty.
     *
     * @param email a {@link #storableAddress}
     */
    @Transactional
    public Optional<Member> admit(String email, String name) {
        Optional<Member> known = member(email);
        if (known.isPresent()) {
            return known;
        }
        String normalized = email(email);
        employees.lockForAddition();
        employees.insertIfAbsent(normalized, storableName(name, normalized), List.of(Role.EMPLOYEE_NAME),
                clock.instant()); // someone who left keeps their row as it is
        return readMember(normalized); // not kept before the row commits
    }

    /** Whether the directory can keep this address: at most {@link Employee#EMAIL_MAX} characters, all storable. */
    public static boolean storableAddress(String email) {
        return email.length() <= Employee.EMAIL_MAX && StorableText.isStorable(email);
    }

    /**
     * A token's name as the directory keeps it: without spaces around it and cut to {@link Employee#NAME_MAX}
     * characters (never inside one beyond U+FFFF); the e-mail for none, or for one PostgreSQL cannot store. An IdP's
     * display name is whatever its people typed, and until session 52 one over 200 characters, or with the NUL
     * character, failed every request of its holder with a 500.
     */
    static String storableName(String name, String email) {
        String given = Spaces.strippedOrNull(name);
        if (given == null || !StorableText.isStorable(given)) {
            return email;
        }
        if (given.length() <= Employee.NAME_MAX) {
            return given;
        }
        int end = Character.isHighSurrogate(given.charAt(Employee.NAME_MAX - 1)) ? Employee.NAME_MAX - 1
                : Employee.NAME_MAX;
        return Spaces.stripped(given.substring(0, end));
    }

    /**
     * The names of the teams someone is in, and of these (a post's audience) whoever is in them, in order. A team
     * everyone left (a reorganisation renamed it) is no audience to offer: a post for it would reach nobody.
     */
    @Transactional
    public List<String> teamNamesWithMembers(Collection<String> andThese) {
        Set<String> names = new TreeSet<>(teams.withMembers().stream().map(Team::name).toList());
        names.addAll(andThese);
        return List.copyOf(names);
    }

    /** Team ids by name as given, whatever its case; a name that is no team is left out. */
    @Transactional
    public Map<String, UUID> teamIds(Collection<String> names) {
        return teams.idsByName(names);
    }

    @Transactional
    public Map<UUID, String> teamNames(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of()
                : teams.list("id in ?1", ids).stream().collect(Collectors.toMap(Team::id, Team::name));
    }

    /** {@code teamId} and {@code team} are null for someone without a team. */
    public record Member(UUID employeeId, String email, String name, UUID teamId, String team, Set<String> groups) {
    }
}
