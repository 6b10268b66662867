package no.fyrtarn.link;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import no.fyrtarn.infra.Ids;
import no.fyrtarn.post.Network;

/**
 * Payload of link.clicked on fyrtarn.clicks, keyed by the link owner's employee id. clickId is also its ce_id. The
 * recorder and the click consumer write and read it with {@link ClickEventJson}, which enforces these constraints.
 * adjacentDayClientHash is the client's hash under the key of the day on the other side of midnight UTC, for a click
 * within the counting window of it, and null otherwise ({@link ClientHasher.Client}).
 */
public record ClickEvent(@NotNull UUID clickId, @NotNull String linkCode, UUID shareId, @NotNull UUID postId,
        @NotNull UUID employeeId, @NotNull Network network, @NotNull Instant at, @NotNull String clientHash,
        String adjacentDayClientHash, String userAgent, @NotNull String method) {

    public static final String TYPE = "link.clicked";
    static final int MAX_USER_AGENT = 512;

    static ClickEvent of(LinkService.Target target, Instant at, ClientHasher.Client client, String userAgent,
            String method) {
        String agent = userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent
                : userAgent.substring(0, MAX_USER_AGENT);
        return new ClickEvent(Ids.timeOrdered(at), target.code(), target.shareId(), target.postId(), target.employeeId(),
                target.network(), at, client.hash(), client.adjacentDayHash(), agent, method);
    }
}
