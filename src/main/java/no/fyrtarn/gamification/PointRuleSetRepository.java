package no.fyrtarn.gamification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PointRuleSetRepository implements PanacheRepositoryBase<PointRuleSet, Integer> {

    /** Every version, newest first: a few a year, read once per batch of events to score. */
    public List<PointRuleSet> newestFirst() {
        return find("order by version desc").withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    public PointRuleSet latest() {
        return find("order by version desc").withHint(HibernateHints.HINT_READ_ONLY, true).firstResult();
    }
}
