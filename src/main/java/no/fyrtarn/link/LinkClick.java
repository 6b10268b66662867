package no.fyrtarn.link;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import no.fyrtarn.post.Network;

/** A counted click (the click consumer stores no other kind). The id is the event's ce_id. */
@Entity
@Table(name = "link_click")
public class LinkClick {

    /** Why a click counted or not: the tag of the fyrtarn_clicks_judged_total metric. */
    public enum Verdict {
        COUNTED, REPEAT, PREVIEW_BOT, HEAD
    }

    @Id
    private UUID id;

    @Column(name = "link_code", nullable = false)
    private String linkCode;

    @Column(name = "share_id")
    private UUID shareId;

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Column(name = "employee_id", nullable = false)
    private UUID employeeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Network network;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "client_hash", nullable = false)
    private String clientHash;

    @Column(name = "user_agent")
    private String userAgent;

    protected LinkClick() {
    }

    LinkClick(ClickEvent e) {
        this.id = e.clickId();
        this.linkCode = e.linkCode();
        this.shareId = e.shareId();
        this.postId = e.postId();
        this.employeeId = e.employeeId();
        this.network = e.network();
        this.at = e.at();
        this.clientHash = e.clientHash();
        this.userAgent = e.userAgent();
    }

    public UUID id() { return id; }
    public String linkCode() { return linkCode; }
    public UUID shareId() { return shareId; }
    public UUID postId() { return postId; }
    public UUID employeeId() { return employeeId; }
    public Network network() { return network; }
    public Instant at() { return at; }
    public String clientHash() { return clientHash; }
    public String userAgent() { return userAgent; }
}
