package no.fyrtarn.directory;

import static no.fyrtarn.testing.Api.adminToken;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Test
    void the_demo_organisation_loads_idempotently_with_the_contracts_users_and_teams() {
        demo.load();
        ImportResult again = demo.load();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();

        for (String team : List.of("Sales", "Engineering", "Support")) {
            JsonPath members = as(adminToken()).queryParam("team", team).queryParam("limit", 100)
                    .get("/api/admin/employees").then().statusCode(200).extract().jsonPath();
            String lead = "lead." + team.toLowerCase() + "@demo.fyrtarn.no";
            assertThat(members.getList("items.email")).contains(lead).hasSizeGreaterThanOrEqualTo(9);
            assertThat(members.getList("items.findAll { it.managerEmail == '" + lead + "' }")).hasSizeGreaterThanOrEqualTo(8);
        }
        for (String email : List.of("admin@demo.fyrtarn.no", "marketing@demo.fyrtarn.no", "editor@demo.fyrtarn.no",
                "lead.sales@demo.fyrtarn.no")) {
            assertThat(login(email)).isNotBlank();
        }
        as(login("admin@demo.fyrtarn.no")).get("/api/admin/employees").then().statusCode(200);
        as(login("marketing@demo.fyrtarn.no")).get("/api/posts").then().statusCode(200);
        as(login("lead.sales@demo.fyrtarn.no")).get("/api/posts").then().statusCode(403);
    }
}
