package no.fyrtarn.infra;

import java.sql.SQLException;

/**
 * Tells PostgreSQL out of reach from other failures: an outage the service waits out (503 to requests, retries in the
 * background, readiness DOWN), logged in one line, not a bug worth a stack trace each time it recurs.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /**
     * Whether the failure is PostgreSQL out of reach, however wrapped on its way (Hibernate, a transaction, a future):
     * no connection could be made or one broke (SQLState class 08), or the server is shutting down, went down or is
     * starting up (57P01, 57P02, 57P03).
     */
    public static boolean causedBy(Throwable e) {
        int depth = 0; // a chain of causes may loop
        for (Throwable cause = e; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
