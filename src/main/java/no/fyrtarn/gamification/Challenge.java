package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import no.fyrtarn.infra.Spaces;
import no.fyrtarn.post.Post;

/** A time-boxed goal: N shares (of a campaign, a topic, or any post) between two instants, for bonus points. */
@Entity
public class Challenge {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    private String description;

    private String campaign;

    private String topic;

    @Column(name = "target_shares", nullable = false)
    private int targetShares;

    @Column(name = "bonus_points", nullable = false)
    private int bonusPoints;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Challenge() {
    }

    Challenge(ChallengeRequest r, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.name = Spaces.stripped(r.name());
        this.description = r.description();
        // as posts store theirs, which they are compared with: "Hiring" matched no post's "hiring", "" no post at all
        this.campaign = Post.campaignKey(r.campaign());
        this.topic = Post.topicFilter(r.topic());
        this.targetShares = r.targetShares();
        this.bonusPoints = r.bonusPoints();
        this.startsAt = r.startsAt();
        this.endsAt = r.endsAt();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /**
     * Ends the challenge now: shares from now on no longer count. One that had not begun yet ends before it began,
     * its time box empty.
     */
    void end(Instant now) {
        if (startsAt.isAfter(now)) {
            startsAt = now;
        }
        endsAt = now;
    }

    /** Whether a share of a post with this campaign and these topics counts towards the challenge. */
    boolean counts(String postCampaign, java.util.List<String> postTopics) {
        return (campaign == null || campaign.equals(postCampaign)) && (topic == null || postTopics.contains(topic));
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public String description() { return description; }
    public String campaign() { return campaign; }
    public String topic() { return topic; }
    public int targetShares() { return targetShares; }
    public int bonusPoints() { return bonusPoints; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
}
