package no.fyrtarn.infra;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.adminToken;
import static no.fyrtarn.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.fyrtarn.testing.RawHttp;

@QuarkusTest
class OperationsTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void readiness_and_liveness_are_up_with_postgres_and_kafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("Kafka broker", "Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheus_metrics_include_the_outbox() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("fyrtarn_outbox_pending"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void errors_outside_resources_are_problem_json_too() {
        given().get("/api/nope").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/definitely/not/here").then().statusCode(404).contentType("application/problem+json");
        // in the client's terms, not RESTEasy's ("did not match the value in @Consumes")
        as(adminToken()).delete("/api/admin/employees").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"))
                .body("detail", equalTo("This resource does not take this method; Allow lists those it takes"));
        // the methods of the path, not of the class that served it
        as(adminToken()).patch("/api/posts/" + UUID.randomUUID()).then().statusCode(405)
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PUT"));
        given().post("/s/abcdefgh").then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"));
        // a parameter holding an encoded slash is still one segment of the path Quarkus routed
        given().urlEncodingEnabled(false).post("/s/ab%2Fcd").then().statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        as(adminToken()).contentType("text/plain").body("hello").put("/api/admin/employees").then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", equalTo("This resource does not take a body of this Content-Type"));
        as(adminToken()).accept("text/plain").get("/api/admin/employees").then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", equalTo("This resource cannot answer in any media type the Accept header allows"));
    }

    @Test
    void a_multipart_type_without_its_boundary_is_a_400_naming_content_type() throws Exception {
        // Quarkus REST's form reader failed on it with a 500 for any path, before any endpoint ran
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String type : List.of("multipart/form-data; boundary=", "multipart/form-data",
                "Multipart/Mixed;boundary=\"")) {
            for (String path : List.of("api/feed", "s/abcdefgh", "login")) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString("--x--")).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("%s to /%s", type, path).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
                JsonPath problem = JsonPath.from(response.body());
                assertThat(problem.getString("violations[0].field")).isEqualTo("Content-Type");
                assertThat(problem.getString("violations[0].message"))
                        .isEqualTo("must name the boundary of a multipart body");
            }
        }
        // with one, a body no endpoint takes
        HttpRequest withBoundary = HttpRequest.newBuilder(URI.create(base + "api/admin/employees"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "multipart/form-data; boundary=\"x y\"")
                .PUT(HttpRequest.BodyPublishers.ofString("--x y--")).build();
        assertThat(client.send(withBoundary, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    }

    @Test
    void options_lists_the_methods_of_the_path_and_a_path_nobody_serves_is_404() {
        // Quarkus REST's own OPTIONS said "HEAD, GET, OPTIONS" here (the methods of one resource class)
        given().options("/api/posts/" + UUID.randomUUID()).then().statusCode(204)
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PUT"));
        given().options("/api/posts").then().statusCode(204).header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().options("/s/abcdefgh").then().statusCode(204).header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().options("/app.css").then().statusCode(204).header("Allow", equalTo("GET, HEAD, OPTIONS"));
        // and 200 with a list for a path nobody serves
        given().options("/definitely/not/here").then().statusCode(404).contentType("application/problem+json");
        given().options("/q/health/live").then().statusCode(200);
    }

    @Test
    void paths_a_client_invents_add_no_time_series_to_the_metrics() {
        String invented = "inv" + UUID.randomUUID().toString().replace("-", "");
        given().options("/s/" + invented.substring(0, 12));
        given().options("/" + invented);
        // a CORS preflight too: CORS is off, so it gets the same answer
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .options("/s/" + invented.substring(0, 12)).then().statusCode(204);
        as(adminToken()).patch("/api/posts/" + invented).then().statusCode(405);
        given().post("/s/" + invented.substring(0, 12)).then().statusCode(405);
        given().contentType("application/json").body("x".repeat(1024 * 1024 + 1)).post("/api/" + invented).then()
                .statusCode(413);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(invented.substring(0, 12))
                .contains("method=\"OPTIONS\",outcome=\"SUCCESS\",status=\"204\",uri=\"/s/{code}\"")
                .contains("method=\"PATCH\",outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"UNKNOWN\"");
    }

    /**
     * A browser sends "{", "|", "^" as they are in a query, and Quarkus answered them with an empty 400; a "%" without
     * two hex digits was a 500 once that check was off. Both are now what a client can read (RequestTargets).
     */
    @Test
    void a_malformed_address_is_400_problem_json_and_what_a_browser_leaves_unencoded_in_a_query_is_not()
            throws Exception {
        String bearer = "Authorization: Bearer " + adminToken();
        for (String malformed : List.of("/api/feed?topic=100%", "/api/feed?topic=%zz", "/api/fe{ed}")) {
            RawHttp.Answer answer = RawHttp.get(base, malformed, bearer);
            assertThat(answer.status()).as(malformed).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(malformed).isEqualTo("application/problem+json");
            assertThat(JsonPath.from(answer.body()).getString("detail")).as(malformed).contains("percent-encode");
        }
        RawHttp.Answer feed = RawHttp.get(base, "/api/feed?topic={{topic}}|x^y", bearer);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("application/json");
        assertThat(RawHttp.get(base, "/q/health/live?probe={x}").status()).isEqualTo(200);
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_with_413() {
        String big = "[" + "{\"email\":\"a@b.no\",\"name\":\"" + "x".repeat(1024 * 1024) + "\"}" + "]";
        as(adminToken()).body(big).put("/api/admin/employees").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void a_chunked_json_body_over_one_mebibyte_is_refused_with_413_problem_json() throws Exception {
        // no Content-Length: the body is refused while it arrives, by the handler that reads JSON on the event loop
        byte[] big = ("[{\"email\":\"a@b.no\",\"name\":\"" + "x".repeat(1024 * 1024) + "\"}]").getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/admin/employees"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
        as(adminToken()).get("/api/admin/employees?q=a@b.no").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void an_empty_json_body_is_answered_not_waited_for() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Content-Length: 0, and chunked without a single chunk (no Content-Length)
        for (var empty : List.of(HttpRequest.BodyPublishers.noBody(),
                HttpRequest.BodyPublishers.ofInputStream(InputStream::nullInputStream))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/dev/login"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").POST(empty).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("body of %d bytes", empty.contentLength()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(JsonPath.from(response.body()).getString("violations[0].field")).isEqualTo("body");
        }
    }

    @Test
    void the_openapi_document_describes_every_operation_with_summary_id_security_and_errors() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "head", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                assertThat(operation.get("summary")).as("summary of " + where).isNotNull();
                assertThat(operation.get("operationId")).as("operationId of " + where).isNotNull();
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                assertThat(responses.keySet()).as("error responses of " + where).anyMatch(code -> code.startsWith("4"));
                for (String code : List.of("401", "403")) {
                    if (responses.containsKey(code)) {
                        assertThat(contentOf(doc, responses.get(code))).as(code + " of " + where)
                                .containsKey("application/problem+json");
                    }
                }
                if (responses.containsKey("201")) { // the created object comes back
                    assertThat(contentOf(doc, responses.get("201"))).as("201 of " + where)
                            .containsKey("application/json");
                }
                if (List.of("get", "head").contains(op.getKey())) {
                    // a client generated from the document would send it (once the redirect's Vert.x request was one)
                    assertThat(operation).as("request body of " + where).doesNotContainKey("requestBody");
                }
                if (List.of("/api/dev/login", "/s/{code}").contains(path.getKey())) {
                    assertThat(operation.get("security")).as("security of " + where).isEqualTo(List.of());
                } else {
                    assertThat(operation.get("security")).as("security of " + where).isNotNull();
                    assertThat(responses).as("401 of " + where).containsKey("401");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(15);
    }

    /** A response's content types, following a $ref to components.responses. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> contentOf(JsonPath doc, Object response) {
        var answer = (Map<String, Object>) response;
        if (answer.containsKey("$ref")) {
            String name = ((String) answer.get("$ref")).substring("#/components/responses/".length());
            answer = doc.getMap("components.responses." + name);
        }
        return answer.containsKey("content") ? (Map<String, Object>) answer.get("content") : Map.of();
    }

    @Test
    void swagger_ui_is_served() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
