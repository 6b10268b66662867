package no.fyrtarn.directory;

import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Api.importEmployees;
import static no.fyrtarn.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.testing.Api.Person;

/** Boards show people through {@link People#byId}, which keeps them for a while; an import must show at once. */
@QuarkusTest
class PeopleTest {

    @Inject
    People people;

    @Test
    void a_name_team_and_report_changed_by_an_import_show_at_once_and_unknown_ids_are_left_out() {
        Person person = employeeIn(null);
        UUID id = UUID.fromString(person.employeeId());
        UUID unknown = UUID.randomUUID();
        assertThat(people.byId(List.of(id, unknown))).containsOnlyKeys(id);
        assertThat(people.byId(List.of(id)).get(id).name()).isEqualTo("Ansatt " + person.email());

        String team = "Lag " + unique();
        importEmployees(List.of(Map.of("email", person.email(), "name", "Omdøpt", "team", team),
                Map.of("email", "rapport-" + unique() + "@test.fyrtarn.no", "name", "Rapport", "team", team,
                        "managerEmail", person.email())));

        People.Person now = people.byId(List.of(id)).get(id);
        assertThat(now.name()).isEqualTo("Omdøpt");
        assertThat(now.team()).isEqualTo(team);
        assertThat(now.leader()).isTrue();
    }
}
