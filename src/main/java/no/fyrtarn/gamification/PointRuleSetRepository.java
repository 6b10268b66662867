package no.fyrtarn.gamification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PointRuleSetRepository implements PanacheRepositoryBase<PointRuleSet, Integer> {

    /** The advisory lock's key: "fyrtrule" in ASCII, so it does not meet another feature's lock. */
    private static final long CHANGE_LOCK = 0x6679727472756c65L;

    /** Every version, newest first: a few a year, read once per batch of events to score. */
    public List<PointRuleSet> newestFirst() {
        return find("order by version desc").withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /**
     * Makes the caller's transaction the only one changing the rules until it ends. A change reads the latest version
     * after this, so two concurrent changes make two versions instead of the second failing on the first's number.
     */
    public void lockForChange() {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(:key)")
                .setParameter("key", CHANGE_LOCK).getSingleResult();
    }

    public PointRuleSet latest() {
        return find("order by version desc").withHint(HibernateHints.HINT_READ_ONLY, true).firstResult();
    }
}
