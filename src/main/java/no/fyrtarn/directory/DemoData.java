package no.fyrtarn.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The demo organisation of the contract (fyrtarn.demo-data=true, the local run's default): admin, two marketers,
 * three teams with a leader and eight employees each. Loading is an idempotent upsert, so restarts change nothing
 * but this: a demo person removed from the directory is back after the next start, as after any import naming them.
 * Demo posts are added by {@code post.DemoPosts} once the directory exists, and its people's shares of them by
 * {@code share.DemoShares}.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    public static final String DOMAIN = "demo.fyrtarn.no";

    private static final List<List<String>> TEAMS = List.of(
            List.of("Sales", "Ingrid Berg", "Ola Nordmann", "Kari Hansen", "Lars Johansen", "Astrid Larsen",
                    "Erik Andersson", "Sofia Lindqvist", "Magnus Pedersen", "Nora Kristiansen"),
            List.of("Engineering", "Henrik Solberg", "Emma Karlsson", "Jonas Bakken", "Ida Nilsen", "Oskar Svensson",
                    "Maja Eriksson", "Sindre Haugen", "Elin Jakobsen", "Anders Holm"),
            List.of("Support", "Sigrid Moen", "Johan Persson", "Thea Olsen", "Mats Berglund", "Linnea Gustafsson",
                    "Eirik Dahl", "Hanna Strand", "Viktor Lund", "Selma Aas"));

    @Inject
    DirectoryService directory;

    @ConfigProperty(name = "fyrtarn.demo-data", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            ImportResult result = load();
            LOG.infof("Demo organisation loaded: %d created, %d updated", result.created(), result.updated());
        }
    }

    public ImportResult load() {
        return directory.upsert(rows(DOMAIN, UnaryOperator.identity()), null);
    }

    /**
     * The demo organisation's rows, with e-mail addresses in {@code domain} and each team named as {@code teamName}
     * names it: the same people again, apart from the demo organisation (the demo's activity is tested so).
     */
    public static List<EmployeeRow> rows(String domain, UnaryOperator<String> teamName) {
        List<EmployeeRow> rows = new ArrayList<>();
        rows.add(row(domain, "admin", "Aud Admin", null, null, List.of("employee", "admin")));
        rows.add(row(domain, "marketing", "Marit Markedsføring", null, null, List.of("employee", "marketing")));
        rows.add(row(domain, "editor", "Eva Redaktør", null, null, List.of("employee", "marketing")));
        for (List<String> team : TEAMS) {
            String name = teamName.apply(team.get(0));
            String lead = "lead." + team.get(0).toLowerCase(Locale.ROOT);
            rows.add(row(domain, lead, team.get(1), name, null, List.of("employee")));
            for (String person : team.subList(2, team.size())) {
                rows.add(row(domain, localPart(person), person, name, lead + "@" + domain, List.of("employee")));
            }
        }
        return rows;
    }

    private static EmployeeRow row(String domain, String local, String name, String team, String manager,
            List<String> roles) {
        String language = name.matches(".*(sson|qvist|lund)$") ? "sv" : "nb";
        return new EmployeeRow(local + "@" + domain, name, team, manager, team == null ? "Oslo" : "Bergen", language,
                roles);
    }

    private static String localPart(String fullName) {
        return fullName.toLowerCase(Locale.ROOT).replace("ø", "o").replace("å", "a").replace("æ", "ae")
                .replace("ö", "o").replace("ä", "a").replace(' ', '.');
    }
}
