package no.fyrtarn.outbox;

import java.util.List;

/** The Kafka topics of the contract. */
public final class Topics {
    public static final String POSTS = "fyrtarn.posts";
    public static final String SHARES = "fyrtarn.shares";
    public static final String CLICKS = "fyrtarn.clicks";
    public static final String POINTS = "fyrtarn.points";
    public static final String DLQ = "fyrtarn.dlq";

    public static final List<String> ALL = List.of(POSTS, SHARES, CLICKS, POINTS, DLQ);
    /** The topics the service's own consumers read (all but the dead letters). */
    public static final List<String> CONSUMED = List.of(POSTS, SHARES, CLICKS, POINTS);

    private Topics() {
    }
}
