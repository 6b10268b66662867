package no.fyrtarn.gamification;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PointRuleSetRepository implements PanacheRepositoryBase<PointRuleSet, Integer> {

    /** The version in effect at {@code at}: the newest one that took effect at or before it. */
    public PointRuleSet inEffectAt(Instant at) {
        return find("effectiveAt <= ?1 order by version desc", at).withHint(HibernateHints.HINT_READ_ONLY, true)
                .firstResult();
    }

    public PointRuleSet latest() {
        return find("order by version desc").withHint(HibernateHints.HINT_READ_ONLY, true).firstResult();
    }
}
