package no.fyrtarn.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import no.fyrtarn.outbox.Outbox;
import no.fyrtarn.outbox.Topics;
import no.fyrtarn.post.Network;

/** share.recorded on fyrtarn.shares, keyed by employee id, through the outbox. */
@ApplicationScoped
public class ShareEvents {

    public static final String RECORDED = "share.recorded";

    /** {@code firstOnNetwork}: the employee had not shared this post on this network before (their link is new). */
    public record ShareRecorded(UUID shareId, UUID postId, UUID employeeId, Network network, String linkCode,
            boolean firstOnNetwork, Instant at) {
    }

    @Inject
    Outbox outbox;

    /** All in one statement, in the writer's transaction. */
    void recorded(List<ShareRecorded> shares) {
        outbox.addAll(shares.stream().map(s -> outbox.event(Topics.SHARES, RECORDED, s.employeeId(), s)).toList());
    }
}
