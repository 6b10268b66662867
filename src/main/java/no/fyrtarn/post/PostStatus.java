package no.fyrtarn.post;

import java.util.List;
import java.util.Locale;

import no.fyrtarn.infra.ProblemException;

/** DRAFT → IN_REVIEW → PUBLISHED (or SCHEDULED → PUBLISHED) → EXPIRED; ARCHIVED from anywhere. */
public enum PostStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, EXPIRED, ARCHIVED;

    /** A status as a query names it, in any case; null when blank (every status), a 400 naming status if unknown. */
    public static PostStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + List.of(values()));
        }
    }
}
