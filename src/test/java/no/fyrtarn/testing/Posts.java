package no.fyrtarn.testing;

import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.token;
import static no.fyrtarn.testing.Api.unique;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders for post requests, marketing users and published posts in tests. */
public final class Posts {

    private Posts() {
    }

    public static String marketer() {
        return token("marketer-" + unique() + "@test.fyrtarn.no", "employee", "marketing");
    }

    public static Map<String, Object> draft() {
        Map<String, Object> post = new HashMap<>();
        post.put("title", "Hei fra Fyrtårn " + unique());
        post.put("body", "Vi ansetter!");
        post.put("url", "https://example.com/jobs?team=sales");
        post.put("topics", List.of("hiring"));
        post.put("networks", List.of("LINKEDIN", "X"));
        post.put("captions", List.of(Map.of("network", "LINKEDIN", "text", "Bli med oss"),
                Map.of("network", "LINKEDIN", "text", "Vi vokser"), Map.of("network", "X", "text", "Jobb hos oss")));
        post.put("audience", Map.of("teams", List.of()));
        post.put("campaign", "hiring-2026");
        post.put("language", "nb");
        return post;
    }

    public static Map<String, Object> draft(String key, Object value) {
        Map<String, Object> post = draft();
        post.put(key, value);
        return post;
    }

    /** A draft with this one topic, for these teams (by name; none: for everyone). */
    public static Map<String, Object> draftAbout(String topic, List<String> teams) {
        Map<String, Object> post = draft("topics", List.of(topic));
        post.put("audience", Map.of("teams", teams));
        return post;
    }

    /** Creates a draft as this marketer; @return its id. */
    public static String create(String marketer, Map<String, Object> body) {
        return as(marketer).body(body).post("/api/posts").then().statusCode(201).extract().path("id");
    }

    public static String status(String marketer, String id) {
        return as(marketer).get("/api/posts/" + id).then().statusCode(200).extract().path("status");
    }

    /** Creates a draft as this marketer and submits it for review; @return its id. */
    public static String inReview(String author) {
        return inReview(author, draft());
    }

    /** Creates this post as this marketer and submits it for review; @return its id. */
    public static String inReview(String author, Map<String, Object> body) {
        String id = create(author, body);
        as(author).post("/api/posts/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** Creates, submits and has a second marketer approve this post; @return its id. */
    public static String publish(Map<String, Object> body) {
        String id = inReview(marketer(), body);
        as(marketer()).post("/api/posts/" + id + "/approve").then().statusCode(200);
        return id;
    }
}
