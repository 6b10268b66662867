package no.fyrtarn.testing;

import static no.fyrtarn.testing.Api.importEmployees;
import static no.fyrtarn.testing.Api.login;
import static no.fyrtarn.testing.Api.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh team: a leader and their reports, imported through the admin API; tokens from the local login (so the
 * leader's carries "leader").
 */
public record Team(String name, String leaderEmail, String leader, List<String> reportEmails, List<String> reports) {

    public static Team of(int reports) {
        String team = "Lag " + unique();
        String leader = "leder-" + unique() + "@test.fyrtarn.no";
        List<Map<String, Object>> rows = new ArrayList<>(List.of(Map.of("email", leader, "name", "Leder " + leader,
                "team", team)));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            String email = "rapport-" + unique() + "@test.fyrtarn.no";
            emails.add(email);
            rows.add(Map.of("email", email, "name", "Rapport " + email, "team", team, "managerEmail", leader));
        }
        importEmployees(rows);
        return new Team(team, leader, login(leader), List.copyOf(emails), emails.stream().map(Api::login).toList());
    }
}
