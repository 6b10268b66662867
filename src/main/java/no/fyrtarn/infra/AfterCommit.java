package no.fyrtarn.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that must wait until the current transaction's changes are visible to everyone else. */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * Runs {@code action} once the current transaction has committed (not if it rolls back), once per {@code key}
     * however often it is asked for in the same transaction.
     */
    public void once(Object key, Runnable action) {
        if (transaction.getResource(key) != null) {
            return;
        }
        transaction.putResource(key, Boolean.TRUE);
        onCommit(action);
    }

    /**
     * Gathers {@code items} under {@code key} for the rest of the current transaction; once it has committed (not if
     * it rolls back), {@code action} gets everything gathered under that key, in the order it was added.
     */
    public <T> void collect(Object key, Collection<? extends T> items, Consumer<List<T>> action) {
        @SuppressWarnings("unchecked")
        List<T> gathered = (List<T>) transaction.getResource(key);
        if (gathered == null) {
            List<T> fresh = new ArrayList<>(items.size());
            transaction.putResource(key, fresh);
            onCommit(() -> action.accept(fresh));
            gathered = fresh;
        }
        gathered.addAll(items);
    }

    private void onCommit(Runnable action) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
