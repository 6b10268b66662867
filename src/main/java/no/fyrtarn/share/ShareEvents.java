package no.fyrtarn.share;

import java.time.Instant;
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

    void recorded(ShareRecorded share) {
        outbox.add(Topics.SHARES, RECORDED, share.employeeId(), share);
    }
}
