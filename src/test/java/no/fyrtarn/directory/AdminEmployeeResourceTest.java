package no.fyrtarn.directory;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.adminToken;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.atOnce;
import static no.fyrtarn.testing.Api.importEmployees;
import static no.fyrtarn.testing.Api.token;
import static no.fyrtarn.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import no.fyrtarn.testing.Api;
import no.fyrtarn.testing.Game;
import no.fyrtarn.testing.Posts;

@QuarkusTest
class AdminEmployeeResourceTest {

    private static Map<String, Object> row(String email, String name, String team, String manager) {
        var row = new java.util.HashMap<String, Object>(Map.of("email", email, "name", name));
        if (team != null) {
            row.put("team", team);
        }
        if (manager != null) {
            row.put("managerEmail", manager);
        }
        return row;
    }

    private static JsonPath listed(String param, String value) {
        return as(adminToken()).queryParam("limit", 100).queryParam(param, value).get("/api/admin/employees").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void admin_imports_a_team_and_the_manager_becomes_a_leader() {
        String u = unique();
        String team = "Team " + u;
        var result = importEmployees(List.of(
                row("lead." + u + "@test.no", "Lea Leder", team, null),
                row("a." + u + "@test.no", "Ane Ansatt", team, "lead." + u + "@test.no"),
                // e-mails as a hand-edited export has them: in other cases, with spaces around (those were a 400), a
                // no-break one from a web page pasted into the spreadsheet too (a 400 before session 51)
                row(" b." + u + "@Test.NO\u00a0", "Bo Bergström", team, "\u00a0LEAD." + u + "@test.no\t")));

        assertThat(result).containsEntry("created", 3).containsEntry("updated", 0);
        JsonPath list = listed("team", team);
        assertThat(list.getList("items.email")).containsExactly("a." + u + "@test.no", "b." + u + "@test.no",
                "lead." + u + "@test.no");
        assertThat(list.getBoolean("items.find { it.email == 'lead.%s@test.no' }.leader".formatted(u))).isTrue();
        assertThat(list.getBoolean("items.find { it.email == 'a.%s@test.no' }.leader".formatted(u))).isFalse();
        assertThat(list.getString("items.find { it.email == 'a.%s@test.no' }.managerEmail".formatted(u)))
                .isEqualTo("lead." + u + "@test.no");
        assertThat(list.getList("items.find { it.email == 'a.%s@test.no' }.roles".formatted(u)))
                .containsExactly("employee");
        assertThat(list.getString("items.find { it.email == 'b.%s@test.no' }.managerEmail".formatted(u)))
                .isEqualTo("lead." + u + "@test.no");
    }

    @Test
    void a_team_is_one_team_whatever_the_case_its_name_is_written_in() {
        String u = unique();
        String team = "Salg " + u;
        importEmployees(List.of(row("first." + u + "@test.no", "Frida Først", team, null)));
        // HR's file as people type it: the same team in other cases, in a later import and within one
        importEmployees(List.of(row("second." + u + "@test.no", "Sivert Senere", team.toLowerCase(), null),
                row("third." + u + "@test.no", "Tea Tredje", team.toUpperCase(), null)));

        JsonPath list = listed("team", "SALG " + u);
        assertThat(list.getList("items.email")).hasSize(3);
        assertThat(list.getList("items.team")).containsOnly(team); // the first spelling stays
        String reader = token("third." + u + "@test.no", "employee");
        assertThat(as(reader).queryParam("scope", "team").queryParam("team", team.toLowerCase())
                .get("/api/leaderboard").then().statusCode(200).extract().jsonPath().getList("entries.name"))
                .containsExactlyInAnyOrder("Frida Først", "Sivert Senere", "Tea Tredje");

        // a post for the team, named in yet another case, is in every member's feed
        String post = Posts.publish(Posts.draft("audience", Map.of("teams", List.of("sALG " + u))));
        as(reader).get("/api/feed/" + post).then().statusCode(200);
        assertThat(as(adminToken()).get("/api/posts/" + post).then().statusCode(200).extract().jsonPath()
                .getList("audience.teams")).containsExactly(team);
    }

    @Test
    void a_team_is_one_team_whatever_spaces_its_name_is_written_with() {
        String u = unique();
        String team = "Kunde Service " + u;
        importEmployees(List.of(row("first." + u + "@test.no", "Frida Først", team, null)));
        // as a spreadsheet has it: a no-break space pasted from a web page, two spaces, a tab, one left at the end
        importEmployees(List.of(row("second." + u + "@test.no", "Sivert Senere", "Kunde\u00A0Service " + u, null),
                row("third." + u + "@test.no", "Tea Tredje", "Kunde  Service\t" + u + "\u00A0", null)));

        JsonPath list = listed("team", " kunde\u00A0service  " + u);
        assertThat(list.getList("items.email")).hasSize(3);
        assertThat(list.getList("items.team")).containsOnly(team);
        String reader = token("third." + u + "@test.no", "employee");
        assertThat(as(reader).queryParam("scope", "team").queryParam("team", "Kunde  Service " + u)
                .get("/api/leaderboard").then().statusCode(200).extract().jsonPath().getList("entries.name"))
                .containsExactlyInAnyOrder("Frida Først", "Sivert Senere", "Tea Tredje");
        String post = Posts.publish(Posts.draft("audience", Map.of("teams", List.of("Kunde\u00A0Service " + u))));
        as(reader).get("/api/feed/" + post).then().statusCode(200);
    }

    @Test
    void an_employee_moved_by_an_import_is_in_the_new_team_on_their_very_next_request() {
        String u = unique();
        String email = "mover." + u + "@test.no";
        importEmployees(List.of(row(email, "Mona Mover", "Old " + u, null)));
        String token = token(email, "employee");
        as(token).get("/api/me").then().statusCode(200).body("team", equalTo("Old " + u));

        importEmployees(List.of(row(email, "Mona Mover", "New " + u, null)));

        // who is behind a request is kept for a few seconds, but an import forgets it at once
        as(token).get("/api/me").then().statusCode(200).body("team", equalTo("New " + u));
    }

    @Test
    void an_import_cannot_take_the_importing_admins_own_admin_role_but_another_admin_can() {
        String email = "own.admin." + unique() + "@test.no";
        importEmployees(List.of(Map.of("email", email, "name", "Ada", "roles", List.of("admin"))));
        String self = Api.login(email);
        // an HR system's file has no roles: imported by the admin it names, it made them an employee with no way back
        as(self).body(List.of(Map.of("email", email, "name", "Ada Admin"))).put("/api/admin/employees").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("[0].roles"))
                .body("violations[0].message", containsString("must keep admin"));
        assertThat(listed("q", email).getList("items[0].roles", String.class)).contains("admin");
        assertThat(listed("q", email).getString("items[0].name")).isEqualTo("Ada");

        as(self).body(List.of(Map.of("email", email, "name", "Ada Admin", "roles", List.of("Admin"))))
                .put("/api/admin/employees").then().statusCode(200).body("updated", equalTo(1));
        as(adminToken()).body(List.of(Map.of("email", email, "name", "Ada Admin"))).put("/api/admin/employees")
                .then().statusCode(200).body("updated", equalTo(1));
        assertThat(listed("q", email).getList("items[0].roles", String.class)).containsExactly("employee");
    }

    @Test
    void imports_at_the_same_time_that_add_the_same_new_person_and_team_all_succeed() throws Exception {
        String u = unique();
        String team = "Together " + u;
        String admin = adminToken();
        // two admins, or a sync job's retry beside its first try: each import adds the same new colleague and team
        List<Callable<Response>> imports = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var rows = List.of(row("own" + i + "." + u + "@test.no", "Own " + i, team, "new.lead." + u + "@test.no"),
                    row("new.lead." + u + "@test.no", "Nina Ny", team, null));
            imports.add(() -> as(admin).body(rows).put("/api/admin/employees"));
        }
        List<Response> responses = atOnce(imports);

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertThat(responses).extracting(r -> r.jsonPath().getInt("created")).containsOnly(1, 2)
                .filteredOn(created -> created == 2).hasSize(1); // the new colleague is created once
        JsonPath list = listed("team", team);
        assertThat(list.getList("items.email")).hasSize(7);
        assertThat(list.getList("items.team")).containsOnly(team);
        assertThat(list.getBoolean("items.find { it.email == 'new.lead.%s@test.no' }.leader".formatted(u))).isTrue();
    }

    @Test
    void people_signing_in_for_the_first_time_while_an_import_adds_them_do_not_fail_it() throws Exception {
        String u = unique();
        String team = "Rollout " + u;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(row("p" + i + "." + u + "@test.no", "Person " + i, team, null));
        }
        // launch day: the sync job imports everyone as the first of them open the app (each added just in time)
        List<Callable<Response>> calls = new ArrayList<>();
        calls.add(() -> as(adminToken()).body(rows).put("/api/admin/employees"));
        for (int t = 0; t < 3; t++) {
            int first = t;
            calls.add(() -> {
                for (int i = first; i < rows.size(); i += 3) {
                    as(token((String) rows.get(i).get("email"), "employee")).get("/api/me").then().statusCode(200);
                }
                return null;
            });
        }
        Response imported = atOnce(calls).getFirst(); // a first request that failed fails the test

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.jsonPath().getInt("created") + imported.jsonPath().getInt("updated")).isEqualTo(300);
        List<Object> members = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(adminToken()).queryParam("limit", 100).queryParam("team", team);
            JsonPath page = (cursor == null ? spec : spec.queryParam("cursor", cursor)).get("/api/admin/employees")
                    .then().statusCode(200).extract().jsonPath();
            members.addAll(page.getList("items.email"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(members).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void importing_the_same_rows_again_changes_nothing_and_a_changed_row_counts_as_updated() {
        String u = unique();
        var rows = List.of(row("x." + u + "@test.no", "Xena", "Ops " + u, null),
                row("y." + u + "@test.no", "Yngve", "Ops " + u, "x." + u + "@test.no"));
        importEmployees(rows);

        assertThat(importEmployees(rows)).containsEntry("created", 0).containsEntry("updated", 0)
                .containsEntry("unchanged", 2);
        assertThat(importEmployees(List.of(row("y." + u + "@test.no", "Yngve Ny", "Ops " + u, null))))
                .containsEntry("created", 0).containsEntry("updated", 1);
        JsonPath list = listed("q", u);
        assertThat(list.getString("items.find { it.email == 'y.%s@test.no' }.name".formatted(u))).isEqualTo("Yngve Ny");
        assertThat(list.getString("items.find { it.email == 'y.%s@test.no' }.managerEmail".formatted(u))).isNull();
    }

    @Test
    void csv_import_accepts_quotes_and_several_roles() {
        String u = unique();
        String csv = """
                email,name,team,managerEmail,location,language,roles
                m.%1$s@test.no,"Berg, Maja",Marketing %1$s,,Oslo,nb,employee;marketing
                n.%1$s@test.no,Nils "Nisse" Ek,Marketing %1$s,m.%1$s@test.no,Göteborg,sv,
                o.%1$s@test.no,Ola Olsen,Marketing %1$s,m.%1$s@test.no,Oslo,nb,"Employee, Admin"
                """.formatted(u); // roles as an HR file writes them: capitalized, and listed as a sentence lists them
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8").body(csv).put("/api/admin/employees").then()
                .statusCode(200).body("created", equalTo(3));

        JsonPath list = listed("q", u);
        assertThat(list.getString("items.find { it.email == 'm.%s@test.no' }.name".formatted(u))).isEqualTo("Berg, Maja");
        assertThat(list.getList("items.find { it.email == 'm.%s@test.no' }.roles".formatted(u)))
                .containsExactly("employee", "marketing");
        assertThat(list.getString("items.find { it.email == 'n.%s@test.no' }.name".formatted(u)))
                .isEqualTo("Nils \"Nisse\" Ek");
        assertThat(list.getString("items.find { it.email == 'n.%s@test.no' }.location".formatted(u))).isEqualTo("Göteborg");
        assertThat(list.getList("items.find { it.email == 'o.%s@test.no' }.roles".formatted(u)))
                .containsExactly("employee", "admin");
        importEmployees(List.of(Map.of("email", "p." + u + "@test.no", "name", "Per", "roles", List.of(" Marketing"),
                "language", " NB-no ")));
        assertThat(listed("q", "p." + u).getList("items[0].roles")).containsExactly("employee", "marketing");
        assertThat(listed("q", "p." + u).getString("items[0].language")).isEqualTo("nb-NO"); // as a post stores it
    }

    @Test
    void a_csv_as_excel_in_norwegian_saves_it_is_imported_and_one_or_json_in_a_windows_code_page_is_refused() {
        String u = unique();
        // "CSV UTF-8" from Excel set up for Norwegian: a byte order mark, semicolons, CRLF; a cell with ';' quoted
        String excel = "\uFEFFemail;name;team;roles\r\n"
                + "aase.%1$s@test.no;Åse Øvrebø;Salg %1$s;\"employee;marketing\"\r\n".formatted(u);
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8")
                .body(excel.getBytes(StandardCharsets.UTF_8)).put("/api/admin/employees").then().statusCode(200)
                .body("created", equalTo(1));
        JsonPath list = listed("q", u);
        assertThat(list.getString("items[0].name")).isEqualTo("Åse Øvrebø");
        assertThat(list.getString("items[0].team")).isEqualTo("Salg " + u);
        assertThat(list.getList("items[0].roles")).containsExactly("employee", "marketing");

        // Excel's plain "CSV" is Windows-1252: its Ø would be stored as a replacement character
        String other = "o.%s@test.no".formatted(u);
        byte[] windows = ("email;name\r\n" + other + ";Øyvind\r\n").getBytes(Charset.forName("windows-1252"));
        given().auth().oauth2(adminToken()).contentType("text/csv").body(windows).put("/api/admin/employees").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("CSV UTF-8"));
        assertThat(listed("q", "o." + u).getList("items")).isEmpty();

        // so is JSON in ISO-8859-1, as Windows PowerShell 5 sends it (its Å was stored as a replacement character)
        byte[] latin1 = "[{\"email\":\"l.%s@test.no\",\"name\":\"Åse\"}]".formatted(u)
                .getBytes(StandardCharsets.ISO_8859_1);
        given().auth().oauth2(adminToken()).contentType("application/json; charset=ISO-8859-1").body(latin1)
                .put("/api/admin/employees").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("[0].name"))
                .body("violations[0].message", containsString("is not UTF-8"));
        assertThat(listed("q", "l." + u).getList("items")).isEmpty();
    }

    @Test
    void csv_columns_are_read_in_any_case_and_a_column_given_twice_is_refused() {
        String u = unique();
        // a spreadsheet heads its columns as people write them (this was a 400: unknown column 'Email')
        String csv = "Email,Name,TEAM,ManagerEmail,Roles\n"
                + "l.%1$s@test.no,Liv,Lager %1$s,,employee\nk.%1$s@test.no,Kim,Lager %1$s,l.%1$s@test.no,\n".formatted(u);
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8").body(csv).put("/api/admin/employees")
                .then().statusCode(200).body("created", equalTo(2));
        JsonPath list = listed("q", "k." + u);
        assertThat(list.getString("items[0].team")).isEqualTo("Lager " + u);
        assertThat(list.getString("items[0].managerEmail")).isEqualTo("l.%s@test.no".formatted(u));

        // two email columns: which one is the employee? (the second one won)
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8")
                .body("email,name,Email\nd.%1$s@test.no,Dag,e.%1$s@test.no\n".formatted(u)).put("/api/admin/employees")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("header"))
                .body("violations[0].message", equalTo("column 'email' is given more than once"));
        assertThat(listed("q", "d." + u).getList("items")).isEmpty();
        assertThat(listed("q", "e." + u).getList("items")).isEmpty();
    }

    @Test
    void empty_columns_excel_adds_are_left_alone_and_a_cell_cut_by_an_unquoted_comma_is_refused() {
        String u = unique();
        // Excel writes a column once used, without a name, and each row's empty cell in it (it was a 400)
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8")
                .body("email,name,team,,\r\nx.%1$s@test.no,Xe,Lager %1$s,,\r\n".formatted(u)).put("/api/admin/employees")
                .then().statusCode(200).body("created", equalTo(1));
        // "Nordmann, Kari" without quotes: the name was "Nordmann", the team " Kari", and Salg went nowhere
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8")
                .body("email,name,team\ny.%1$s@test.no,Ny,Salg\nk.%1$s@test.no,Nordmann, Kari,Salg\n".formatted(u))
                .put("/api/admin/employees").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("[1]"))
                .body("violations[0].message", containsString("a column without a name ('Salg')"));
        assertThat(listed("q", "y." + u).getList("items")).isEmpty();
        assertThat(listed("q", "k." + u).getList("items")).isEmpty();
    }

    @Test
    void a_csv_with_the_nul_character_is_a_400_and_nothing_is_stored() {
        String u = unique();
        // PostgreSQL cannot store it: the import failed with a 500
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8")
                .body("email,name\nn.%s@test.no,Nu\u0000ll\n".formatted(u)).put("/api/admin/employees").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("body"));
        // a file saved as UTF-16 has one in every other byte (it was "unknown column 'e m a i l'")
        byte[] utf16 = "email,name\nu.%s@test.no,Ulla\n".formatted(u).getBytes(StandardCharsets.UTF_16LE);
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8").body(utf16)
                .put("/api/admin/employees").then().statusCode(400).body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("UTF-16"));
        assertThat(listed("q", u).getList("items")).isEmpty();
    }

    @Test
    void invalid_rows_are_named_and_nothing_of_the_batch_is_stored() {
        String u = unique();
        var response = as(adminToken()).body(List.of(
                row("ok." + u + "@test.no", "Ok", null, null),
                Map.of("name", "No Mail"),
                row("not-an-email", "Bad", null, null),
                row("c." + u + "@test.no", "C", null, "nobody." + u + "@test.no"),
                Map.of("email", "r." + u + "@test.no", "name", "R", "roles", List.of("superuser")),
                row("n." + u + "@test.no", "\u00A0", null, null))) // a name that reads as none
                .put("/api/admin/employees").then().statusCode(400).contentType("application/problem+json").extract()
                .jsonPath();

        assertThat(response.getList("violations.field")).contains("[1].email", "[2].email", "[4].roles[0]", "[5].name");
        assertThat(listed("q", u).getList("items")).isEmpty();

        // cross-row checks come after field checks, again storing nothing
        as(adminToken()).body(List.of(row("ok." + u + "@test.no", "Ok", null, null),
                row("c." + u + "@test.no", "C", null, "nobody." + u + "@test.no"),
                row("s." + u + "@test.no", "S", null, "s." + u + "@test.no")))
                .put("/api/admin/employees").then().statusCode(400)
                .body("violations.field", hasItem("[1].managerEmail"))
                .body("violations.field", hasItem("[2].managerEmail"));
        assertThat(listed("q", u).getList("items")).isEmpty();

        // a misspelt field is named, not skipped: the row, the whole truth, would clear the manager
        as(adminToken()).body(List.of(row("ok." + u + "@test.no", "Ok", null, null),
                Map.of("email", "m." + u + "@test.no", "name", "M", "managerEmial", "ok." + u + "@test.no")))
                .put("/api/admin/employees").then().statusCode(400)
                .body("violations.field", hasItem("[1].managerEmial"));
        assertThat(listed("q", u).getList("items")).isEmpty();
    }

    @Test
    void an_import_of_more_rows_than_one_call_takes_is_refused_saying_how_to_split_it_and_nothing_is_stored() {
        String u = unique();
        StringBuilder csv = new StringBuilder("email,name,managerEmail\nboss.%s@test.no,Boss,\n".formatted(u));
        for (int i = 1; i <= 5000; i++) {
            csv.append("e%d.%s@test.no,Employee %d,boss.%s@test.no\n".formatted(i, u, i, u));
        }
        given().auth().oauth2(adminToken()).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .put("/api/admin/employees").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("at most 5000 employees"))
                .body("violations[0].message", containsString("several calls, each manager's row in the same call"));
        assertThat(listed("q", u).getList("items")).isEmpty();
    }

    @Test
    void a_reporting_cycle_is_refused() {
        String u = unique();
        importEmployees(List.of(row("p." + u + "@test.no", "P", null, null),
                row("q." + u + "@test.no", "Q", null, "p." + u + "@test.no")));

        as(adminToken()).body(List.of(row("p." + u + "@test.no", "P", null, "q." + u + "@test.no")))
                .put("/api/admin/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("[0].managerEmail"));
        assertThat(listed("q", "p." + u).getString("items[0].managerEmail")).isNull();
    }

    @Test
    void listing_pages_with_a_cursor_and_filters_by_name_case_insensitively() {
        String u = unique();
        importEmployees(List.of(row("a1." + u + "@test.no", "Åse Øien " + u, null, null),
                row("a2." + u + "@test.no", "Bjørn " + u, null, null),
                row("a3." + u + "@test.no", "Cecilie " + u, null, null)));

        JsonPath first = as(adminToken()).get("/api/admin/employees?q=" + u + "&limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.email")).containsExactly("a1." + u + "@test.no", "a2." + u + "@test.no");
        JsonPath second = as(adminToken())
                .get("/api/admin/employees?q=" + u + "&limit=2&cursor=" + first.getString("nextCursor")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.email")).containsExactly("a3." + u + "@test.no");
        assertThat(second.getString("nextCursor")).isNull();

        assertThat(listed("q", "ÅSE ØIEN " + u).getList("items.email"))
                .containsExactly("a1." + u + "@test.no");
    }

    @Test
    void bad_paging_parameters_are_named() {
        as(adminToken()).get("/api/admin/employees?limit=500").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
        as(adminToken()).get("/api/admin/employees?cursor=%%%").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        // a cursor that decodes to text with the NUL character, which went on to SQL (a 500)
        as(adminToken()).get("/api/admin/employees?cursor=ALL").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        for (String param : List.of("q", "team")) {
            as(adminToken()).queryParam(param, "a\u0000b").get("/api/admin/employees").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(param));
        }
        as(adminToken()).get("/api/admin/employees?status=gone").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("status"));
    }

    /** The board's names: {@code scope} company, or team with the team named. */
    private static List<String> board(String token, String scope, String team) {
        var request = as(token).queryParam("scope", scope).queryParam("limit", 100);
        if (team != null) {
            request.queryParam("team", team);
        }
        return request.get("/api/leaderboard").then().statusCode(200).extract().jsonPath().getList("entries.name");
    }

    @Test
    void someone_who_left_is_off_the_directory_the_boards_and_their_team_and_signed_out_until_an_import_names_them() {
        String u = unique();
        String team = "Avdeling " + u;
        String lead = "lead." + u + "@test.no";
        String leaver = "leaver." + u + "@test.no";
        String stayer = "stayer." + u + "@test.no";
        List<Map<String, Object>> everyone = List.of(row(lead, "Lise Leder " + u, team, null),
                row(leaver, "Lars Slutter " + u, team, lead), row(stayer, "Siri Blir " + u, team, lead));
        importEmployees(everyone);
        String leaverToken = token(leaver, "employee");
        String stayerToken = token(stayer, "employee");
        String topic = "t" + u; // a challenge of a topic of its own: its bonus puts the leaver at the company's top
        Game.challenge("Avskjed " + u, topic, 1, 10_000, Duration.ofHours(1));
        Game.share(leaverToken, Posts.publish(Posts.draftAbout(topic, List.of())), "LINKEDIN");
        Game.share(stayerToken, Posts.publish(Posts.draft()), "LINKEDIN");
        Game.awaitTotal(leaverToken, 10_010);
        Game.awaitTotal(stayerToken, 10);
        assertThat(board(stayerToken, "company", null)).contains("Lars Slutter " + u);
        long stayerRank = Game.me(stayerToken).getLong("rank.company");
        String leaverId = listed("q", leaver).getString("items[0].employeeId");

        as(adminToken()).delete("/api/admin/employees/" + leaverId).then().statusCode(204);

        assertThat(listed("q", leaver).getList("items")).isEmpty();
        JsonPath gone = leavers(leaver);
        assertThat(gone.getList("items.email")).containsExactly(leaver);
        assertThat(gone.getString("items[0].team")).isEqualTo(team);
        assertThat(gone.getString("items[0].leftAt")).isNotNull();
        as(leaverToken).get("/api/feed").then().statusCode(401).contentType("application/problem+json");
        as(token(leaver, "employee", "marketing")).get("/api/posts").then().statusCode(401); // asks no more of them
        given().contentType("application/json").body(Map.of("email", leaver)).post("/api/dev/login").then()
                .statusCode(401);
        assertThat(board(stayerToken, "company", null)).doesNotContain("Lars Slutter " + u);
        assertThat(Game.me(stayerToken).getLong("rank.company")).isEqualTo(stayerRank - 1);
        assertThat(board(stayerToken, "team", team)).containsExactlyInAnyOrder("Lise Leder " + u, "Siri Blir " + u);
        as(adminToken()).delete("/api/admin/employees/" + leaverId).then().statusCode(404);
        as(adminToken()).body(List.of(row("new." + u + "@test.no", "Nina Ny", team, leaver)))
                .put("/api/admin/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("[0].managerEmail"));

        // a leader who leaves leaves the reporting lines: their team reports to no one until an import says whom
        String leadId = listed("q", lead).getString("items[0].employeeId");
        as(adminToken()).delete("/api/admin/employees/" + leadId).then().statusCode(204);
        assertThat(listed("q", stayer).getString("items[0].managerEmail")).isNull();
        assertThat(as(adminToken()).get("/api/leaders").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).doesNotContain("Lise Leder " + u);

        // HR's next file still lists them: back, with their history
        assertThat(importEmployees(everyone)).containsEntry("created", 0).containsEntry("updated", 3);
        assertThat(Game.total(leaverToken)).isGreaterThanOrEqualTo(10_010);
        assertThat(board(stayerToken, "company", null)).contains("Lars Slutter " + u);
        assertThat(listed("q", stayer).getString("items[0].managerEmail")).isEqualTo(lead);
        assertThat(listed("q", leaver).getString("items[0].leftAt")).isNull();
        assertThat(leavers(leaver).getList("items")).isEmpty();
    }

    /** Those who left whose name or e-mail has {@code q} in it ({@code ?status=left}). */
    private static JsonPath leavers(String q) {
        return as(adminToken()).queryParam("status", "left").queryParam("q", q).get("/api/admin/employees").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void the_roles_an_import_gives_count_whatever_groups_the_idps_token_has() {
        String email = "rolle." + unique() + "@test.no";
        importEmployees(List.of(Map.of("email", email, "name", "Marit Marked", "roles", List.of("Marketing"))));
        String token = token(email, "employee"); // as the company's IdP signs it: no group of Fyrtårn's
        as(token).get("/api/posts").then().statusCode(200);
        as(token).get("/api/admin/employees").then().statusCode(403);

        importEmployees(List.of(Map.of("email", email, "name", "Marit Marked"))); // back to an employee's roles
        as(token).get("/api/posts").then().statusCode(403);
    }

    @Test
    void only_another_admin_removes_someone_who_is_in_the_directory() {
        String admin = adminToken();
        String me = as(admin).get("/api/me").then().statusCode(200).extract().path("employeeId");
        as(admin).delete("/api/admin/employees/" + me).then().statusCode(409)
                .contentType("application/problem+json");
        as(admin).get("/api/me").then().statusCode(200);
        as(admin).delete("/api/admin/employees/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(admin).delete("/api/admin/employees/not-an-id").then().statusCode(404);
    }

    @Test
    void only_admins_manage_the_directory() {
        Api.Person person = Api.employeeIn(null);
        String someone = person.employeeId();
        given().get("/api/admin/employees").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("[]").put("/api/admin/employees").then().statusCode(401);
        given().delete("/api/admin/employees/" + someone).then().statusCode(401);
        for (String role : List.of("employee", "marketing", "leader")) {
            as(token(role + "-" + unique() + "@test.no", role)).get("/api/admin/employees").then().statusCode(403)
                    .contentType("application/problem+json");
            as(token(role + "-" + unique() + "@test.no", role)).body("[]").put("/api/admin/employees").then()
                    .statusCode(403);
            as(token(role + "-" + unique() + "@test.no", role)).delete("/api/admin/employees/" + someone).then()
                    .statusCode(403);
        }
        assertThat(listed("q", person.email()).getList("items.employeeId")).containsExactly(someone);
    }
}
