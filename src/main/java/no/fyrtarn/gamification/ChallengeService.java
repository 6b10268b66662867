package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.People;
import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.Language;
import no.fyrtarn.infra.Page;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.infra.TransactionMemo;
import no.fyrtarn.post.Post;
import no.fyrtarn.post.PostService;
import no.fyrtarn.post.PublishedPost;

/** Marketing's challenges, and each employee's progress towards them; the bonus is paid once, through the ledger. */
@ApplicationScoped
public class ChallengeService {

    @Inject
    ChallengeRepository challenges;

    @Inject
    PostService posts;

    @Inject
    Points points;

    @Inject
    GameCalendar calendar;

    @Inject
    TransactionMemo memo;

    @Inject
    People people;

    /** One participant's standing, for marketing: who (no e-mail, as on a board), and how far. */
    public record Participant(UUID employeeId, String name, String team, int shares, Instant completedAt) {
    }

    @Transactional
    public ChallengeView create(ChallengeRequest request, UUID createdBy) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw ProblemException.badRequest("endsAt", "must be after startsAt");
        }
        if (!request.endsAt().isAfter(calendar.now())) {
            // only shares from now on count: one that is over could never be met, nor would any list show it
            throw ProblemException.badRequest("endsAt", Language.text("fyrtarn.expires.future"));
        }
        if (Post.isWordless(request.topic())) {
            throw ProblemException.badRequest("topic", Language.text("fyrtarn.topic.word")); // "#": not any post
        }
        Challenge challenge = new Challenge(request, createdBy, calendar.now());
        challenges.persist(challenge);
        return ChallengeView.of(challenge, null);
    }

    /** Challenges not over yet, with the employee's own progress. */
    @Transactional
    public Page<ChallengeView> running(UUID employeeId, String cursor, int limit) {
        List<Challenge> fetched = challenges.notOver(calendar.now(), Cursor.decodeAt(cursor), limit + 1);
        Map<UUID, ChallengeRepository.Standing> mine = challenges.standings(employeeId,
                fetched.stream().map(Challenge::id).toList());
        return Page.of(fetched, limit, c -> new Cursor.At(c.endsAt(), c.id()).position(),
                c -> ChallengeView.of(c, mine.get(c.id())));
    }

    /** One challenge, also one that is over, with the employee's own progress. */
    @Transactional
    public ChallengeView one(UUID challengeId, UUID employeeId) {
        return view(find(challengeId), employeeId);
    }

    /**
     * Ends a challenge now, say one started with a wrong goal: it leaves the list of those not over, shares from now
     * on no longer count, and the bonuses already paid stay paid (the ledger is never rewritten).
     */
    @Transactional
    public ChallengeView end(UUID challengeId, UUID employeeId) {
        // locked: of two marketers ending it at once, the second waits and hears that it ended (409)
        Challenge challenge = challenges.findByIdOptional(challengeId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(challengeId));
        Instant now = calendar.now();
        if (!challenge.endsAt().isAfter(now)) {
            throw ProblemException.conflict("The challenge ended at " + challenge.endsAt());
        }
        challenge.end(now);
        return view(challenge, employeeId);
    }

    private Challenge find(UUID challengeId) {
        return challenges.findByIdOptional(challengeId).orElseThrow(() -> notFound(challengeId));
    }

    private static ProblemException notFound(UUID challengeId) {
        return ProblemException.notFound("Challenge " + challengeId);
    }

    private ChallengeView view(Challenge challenge, UUID employeeId) {
        UUID id = challenge.id();
        return ChallengeView.of(challenge, challenges.standings(employeeId, List.of(id)).get(id));
    }

    /** Everyone's progress in a challenge, most shares first. */
    @Transactional
    public Page<Participant> participants(UUID challengeId, String cursor, int limit) {
        find(challengeId);
        ChallengeRepository.Standing after = Cursor.decode(cursor, position -> {
            String[] at = position.split(":", 2);
            return new ChallengeRepository.Standing(challengeId, UUID.fromString(at[1]), Integer.parseInt(at[0]), null);
        });
        List<ChallengeRepository.Standing> fetched = challenges.standings(challengeId, after, limit + 1);
        Map<UUID, People.Person> who = people.byId(fetched.stream().map(ChallengeRepository.Standing::employeeId)
                .toList());
        return Page.of(fetched, limit, s -> s.shares() + ":" + s.employeeId(), s -> {
            People.Person person = who.get(s.employeeId());
            return new Participant(s.employeeId(), person == null ? null : person.name(),
                    person == null ? null : person.team(), s.shares(), s.completedAt());
        });
    }

    /**
     * Challenges running at {@code at}, read once per batch of events (events come roughly in time order): the
     * challenges not over at the batch's earliest time so far, filtered here.
     */
    private List<Challenge> runningAt(Instant at) {
        return memo.get(NotOver.class, NotOver.class, kept -> !at.isBefore(kept.since()),
                () -> new NotOver(at, challenges.endingAfter(at))).challenges().stream()
                .filter(c -> !c.startsAt().isAfter(at) && c.endsAt().isAfter(at)).toList();
    }

    private record NotOver(Instant since, List<Challenge> challenges) {
    }

    /** A first share of a post: progress in every running challenge it counts for; the bonus once the goal is met. */
    @Transactional(Transactional.TxType.MANDATORY)
    void shared(UUID eventId, UUID employeeId, UUID postId, Instant at) {
        List<Challenge> running = runningAt(at);
        if (running.isEmpty()) {
            return;
        }
        PublishedPost post = posts.describe(postId).orElse(null);
        for (Challenge c : running) {
            if (post == null || !c.counts(post.campaign(), post.topics())) {
                continue;
            }
            ChallengeRepository.Standing standing = challenges.addShare(c.id(), employeeId);
            if (standing.completedAt() == null && standing.shares() >= c.targetShares()) {
                challenges.completed(c.id(), employeeId, at);
                points.bonus(eventId, "CHALLENGE:" + c.id(), employeeId, c.bonusPoints(), at,
                        "Challenge met: " + c.name());
            }
        }
    }
}
