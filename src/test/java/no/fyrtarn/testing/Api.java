package no.fyrtarn.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Test helpers: tokens for made-up people, and a directory with fresh, unique employees per test. */
public final class Api {

    private Api() {
    }

    /** A token signed like the local login's, for anyone with any groups (provisioned just in time). */
    public static String token(String email, String... groups) {
        return Jwt.upn(email).claim("name", email).groups(new HashSet<>(Arrays.asList(groups))).expiresIn(600).sign();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Runs these calls at the same time, a thread each, and answers their results in order; rethrows a failure. */
    public static <T> List<T> atOnce(List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    public static String adminToken() {
        return token("admin-" + unique() + "@test.fyrtarn.no", "employee", "admin");
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Imports employees through the admin API and answers the import result. */
    public static Map<String, Integer> importEmployees(List<Map<String, Object>> rows) {
        return as(adminToken()).body(rows).put("/api/admin/employees").then().statusCode(200).extract()
                .as(new io.restassured.common.mapper.TypeRef<Map<String, Integer>>() {
                });
    }

    /** A token from the local login, so groups come from the directory (including leader). */
    public static String login(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/dev/login").then()
                .statusCode(200).extract().path("token");
    }

    /** Someone in the directory, with a token of theirs. */
    public record Person(String email, String token) {

        /** Their id, as the directory lists it. */
        public String employeeId() {
            return as(adminToken()).queryParam("q", email).get("/api/admin/employees").then().statusCode(200)
                    .extract().path("items[0].employeeId");
        }
    }

    /** A new employee in marketing, imported through the admin API; @return their email, to sign in with. */
    public static String marketerInDirectory() {
        String email = "studio-" + unique() + "@test.fyrtarn.no";
        importEmployees(List.of(Map.of("email", email, "name", "Marit Marked", "roles", List.of("marketing"))));
        return email;
    }

    /** A new employee in {@code team} (null: no team), imported through the admin API. */
    public static Person employeeIn(String team) {
        String email = "emp-" + unique() + "@test.fyrtarn.no";
        Map<String, Object> row = new java.util.HashMap<>(Map.of("email", email, "name", "Ansatt " + email));
        if (team != null) {
            row.put("team", team);
        }
        importEmployees(List.of(row));
        return new Person(email, token(email, "employee"));
    }
}
