package no.fyrtarn.infra;

import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Values read once per transaction: a consumer applies a whole batch of events in one transaction, and the rules or
 * challenges those events are judged by need not be read again for each event. Gone when the transaction ends.
 */
@ApplicationScoped
public class TransactionMemo {

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** The value kept under {@code key} in this transaction if it is {@code usable}, else {@code load}ed and kept. */
    public <T> T get(Object key, Class<T> type, Predicate<T> usable, Supplier<T> load) {
        T kept = type.cast(transaction.getResource(key));
        if (kept == null || !usable.test(kept)) {
            kept = load.get();
            transaction.putResource(key, kept);
        }
        return kept;
    }
}
