package no.fyrtarn.gamification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import no.fyrtarn.link.ClicksCounted;

/**
 * Counted clicks → points. The click consumer (the fyrtarn.clicks consumer, after its counting rules) tells us in its
 * own transaction, which already guarantees each click id is judged once; the ledger key (click id, rule) guards too.
 */
@ApplicationScoped
public class ClickPoints {

    @Inject
    Scoring scoring;

    void onCounted(@Observes ClicksCounted counted) {
        scoring.batched(() -> counted.clicks().forEach(
                c -> scoring.clicked(c.clickId(), c.employeeId(), c.postId(), c.network(), c.at())));
    }
}
