package no.fyrtarn.post;

/** DRAFT → IN_REVIEW → PUBLISHED (or SCHEDULED → PUBLISHED) → EXPIRED; ARCHIVED from anywhere. */
public enum PostStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, EXPIRED, ARCHIVED
}
