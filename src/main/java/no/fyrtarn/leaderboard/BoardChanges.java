package no.fyrtarn.leaderboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import no.fyrtarn.directory.DirectoryChanged;
import no.fyrtarn.infra.BackgroundThread;
import no.fyrtarn.infra.Sql;

/**
 * Carries "the leaderboard changed" to every instance, not only the one whose consumer applied the awards: the
 * consumer announces it in its transaction with PostgreSQL's NOTIFY, delivered to every listener when that
 * transaction commits (so a client that refetches sees the change). Each instance listens on a connection of its own
 * and marks its {@link LeaderboardStream}, which coalesces the notices for its SSE clients.
 */
@ApplicationScoped
public class BoardChanges {

    static final String CHANNEL = "leaderboard_changed";
    private static final Logger LOG = Logger.getLogger(BoardChanges.class);
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    @Inject
    DataSource dataSource;

    @Inject
    Sql sql;

    @Inject
    LeaderboardStream stream;

    private final BackgroundThread listener = new BackgroundThread("leaderboard-listener");

    /** In the caller's transaction: every instance hears it once the transaction commits (once, however often said). */
    @Transactional(Transactional.TxType.MANDATORY)
    void announce() {
        sql.update("notify " + CHANNEL);
    }

    /** Someone joined, left or moved: boards may show others now (in the directory's transaction). */
    void directoryChanged(@Observes DirectoryChanged change) {
        announce();
    }

    void start(@Observes StartupEvent event) {
        listener.start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        listener.stop(WAIT.multipliedBy(2));
    }

    private void listen() {
        while (listener.running()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (listener.running()) {
                    PGNotification[] notices = postgres.getNotifications((int) WAIT.toMillis());
                    if (notices != null && notices.length > 0) {
                        stream.changed();
                    }
                }
            } catch (SQLException e) {
                if (listener.running()) {
                    LOG.warnf("Not listening for leaderboard changes (%s); trying again in %s", e.getMessage(), RETRY);
                    try {
                        Thread.sleep(RETRY);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
