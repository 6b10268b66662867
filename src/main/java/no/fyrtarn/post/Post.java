package no.fyrtarn.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import no.fyrtarn.infra.Language;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.infra.Spaces;
import no.fyrtarn.infra.StorableText;

/** A post marketing wants employees to reshare, with its review workflow. */
@Entity
public class Post {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> topics = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Network> networks = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Caption> captions = new ArrayList<>();

    /** Team ids from the directory; empty = everyone. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "post_audience_team", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "team_id")
    private Set<UUID> audienceTeamIds = new HashSet<>();

    private String campaign;

    /** BCP 47 tag of the texts' language, as {@link Locale#toLanguageTag} writes it; null = not said. */
    private String language;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PostStatus status;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(name = "review_note")
    private String reviewNote;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Post() {
    }

    Post(UUID authorId, Instant now) {
        this.id = UUID.randomUUID();
        this.authorId = authorId;
        this.status = PostStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A topic as stored and as the feed is filtered by it: in lower case, without the "#" of a hashtag and with its
     * spaces {@link Spaces#collapsed}, so that "#Hiring" and "hiring" are one topic (the feed shows it as "#hiring"), as
     * are "employer branding" and "employer  branding" with a no-break space; empty for one that is only "#".
     */
    public static String topicKey(String topic) {
        String key = Spaces.collapsed(topic);
        int word = 0;
        while (word < key.length() && key.charAt(word) == '#') {
            word++;
        }
        return key.substring(word).strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a topic was given but is only "#" (and spaces): it names none, and is refused where one is asked for. */
    public static boolean isWordless(String topic) {
        return topic != null && !topic.isBlank() && topicKey(topic).isEmpty();
    }

    /** A campaign as stored: its spaces {@link Spaces#collapsed}; null for none (null or only spaces). */
    public static String campaignKey(String campaign) {
        String key = Spaces.collapsed(campaign);
        return key == null || key.isEmpty() ? null : key;
    }

    /** A topic asked to filter by (a feed's, a challenge's), as {@link #topicKey}; null for none (null or blank). */
    public static String topicFilter(String asked) {
        if (asked == null || asked.isBlank()) {
            return null;
        }
        String key = topicKey(StorableText.require("topic", asked));
        return key.isEmpty() ? null : key;
    }

    void write(PostRequest r, Set<UUID> audience, Instant now) {
        requireStatus("edited", PostStatus.DRAFT);
        this.title = Spaces.stripped(r.title());
        this.body = Spaces.stripped(r.body());
        this.url = r.url().trim();
        this.topics = r.topics() == null ? new ArrayList<>()
                : new ArrayList<>(r.topics().stream().map(Post::topicKey).distinct().toList());
        this.networks = new ArrayList<>(r.networks().stream().sorted().toList());
        // a variant is a text: one given twice is kept once
        this.captions = r.captions() == null ? new ArrayList<>() : new ArrayList<>(r.captions().stream()
                .map(c -> new Caption(c.network(), Spaces.stripped(c.text()))).distinct().toList());
        this.audienceTeamIds = new HashSet<>(audience);
        this.campaign = campaignKey(r.campaign());
        this.language = Language.tag(r.language());
        this.publishAt = r.publishAt();
        this.expiresAt = r.expiresAt();
        this.updatedAt = now;
    }

    void submit(Instant now) {
        requireStatus("submitted", PostStatus.DRAFT);
        moveTo(PostStatus.IN_REVIEW, now);
        this.reviewNote = null;
    }

    /** @return true when the post went live now (not merely scheduled). */
    boolean approve(Instant now) {
        requireStatus("approved", PostStatus.IN_REVIEW);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ProblemException.conflict("The post expired at " + expiresAt + "; change expiresAt before approving");
        }
        if (publishAt != null && publishAt.isAfter(now)) {
            moveTo(PostStatus.SCHEDULED, now);
            return false;
        }
        publish(now);
        return true;
    }

    void reject(String reason, Instant now) {
        requireStatus("rejected", PostStatus.IN_REVIEW);
        backToDraft(reason, now);
    }

    /** A scheduled post that must change before it goes live: a draft again, to be edited and approved again. */
    void withdraw(String reason, Instant now) {
        requireStatus("withdrawn", PostStatus.SCHEDULED);
        backToDraft(reason, now);
    }

    private void backToDraft(String reason, Instant now) {
        moveTo(PostStatus.DRAFT, now);
        this.reviewNote = Spaces.stripped(reason);
    }

    void archive(Instant now) {
        if (status == PostStatus.ARCHIVED) {
            throw ProblemException.conflict("The post is already archived");
        }
        moveTo(PostStatus.ARCHIVED, now);
    }

    /** Scheduler: a scheduled post whose time has come goes live. */
    boolean publishIfDue(Instant now) {
        if (status == PostStatus.SCHEDULED && publishAt != null && !publishAt.isAfter(now)) {
            publish(now);
            return true;
        }
        return false;
    }

    /** Scheduler: a live post past expiresAt leaves the feed. */
    boolean expireIfDue(Instant now) {
        if (status == PostStatus.PUBLISHED && expiresAt != null && !expiresAt.isAfter(now)) {
            moveTo(PostStatus.EXPIRED, now);
            return true;
        }
        return false;
    }

    void requireDeletable() {
        requireStatus("deleted", PostStatus.DRAFT);
    }

    private void publish(Instant now) {
        moveTo(PostStatus.PUBLISHED, now);
        this.publishedAt = now;
    }

    private void moveTo(PostStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    private void requireStatus(String action, PostStatus required) {
        if (status != required) {
            throw ProblemException.conflict("A post in status " + status + " cannot be " + action
                    + "; it must be " + required);
        }
    }

    public UUID id() { return id; }
    public String title() { return title; }
    public String body() { return body; }
    public String url() { return url; }
    public List<String> topics() { return List.copyOf(topics); }
    public List<Network> networks() { return List.copyOf(networks); }
    public List<Caption> captions() { return List.copyOf(captions); }
    public Set<UUID> audienceTeamIds() { return Set.copyOf(audienceTeamIds); }
    public String campaign() { return campaign; }
    public String language() { return language; }
    public Instant publishAt() { return publishAt; }
    public Instant expiresAt() { return expiresAt; }
    public PostStatus status() { return status; }
    public UUID authorId() { return authorId; }
    public String reviewNote() { return reviewNote; }
    public Instant publishedAt() { return publishedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
