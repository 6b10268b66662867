package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.UUID;

/** A challenge and, when asked by an employee, their own progress ({@code myShares}, {@code completedAt}). */
public record ChallengeView(UUID id, String name, String description, String campaign, String topic, int targetShares,
        int bonusPoints, Instant startsAt, Instant endsAt, int myShares, Instant completedAt) {

    static ChallengeView of(Challenge c, ChallengeRepository.Standing mine) {
        return new ChallengeView(c.id(), c.name(), c.description(), c.campaign(), c.topic(), c.targetShares(),
                c.bonusPoints(), c.startsAt(), c.endsAt(), mine == null ? 0 : mine.shares(),
                mine == null ? null : mine.completedAt());
    }
}
