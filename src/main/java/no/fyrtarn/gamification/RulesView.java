package no.fyrtarn.gamification;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The point rules in effect, with their version and since when they apply (to events from then on). */
public record RulesView(@Schema(example = "2") int version, Instant effectiveAt, PointRules.Rule share,
        PointRules.Rule click, PointRules.Rule suggestion) {

    static RulesView of(PointRuleSet set) {
        PointRules r = set.rules();
        return new RulesView(set.version(), set.effectiveAt(), r.share(), r.click(), r.suggestion());
    }
}
