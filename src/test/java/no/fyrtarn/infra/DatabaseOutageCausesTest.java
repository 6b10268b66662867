package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are PostgreSQL out of reach (503, one log line) and which stay failures of ours (500, a stack). */
class DatabaseOutageCausesTest {

    @Test
    void no_connection_a_broken_one_and_a_server_going_or_coming_are_an_outage_however_wrapped() {
        assertThat(DatabaseOutage.causedBy(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CompletionException(new JDBCConnectionException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend", "08006"))))).isTrue();
        for (String state : new String[] {"57P01", "57P02", "57P03"}) { // shutting down, gone, starting up
            assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("terminating", state))))
                    .as(state).isTrue();
        }
    }

    @Test
    void what_a_statement_did_wrong_is_no_outage() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("canceled by the user", "57014"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!"))).isFalse(); // no state
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void a_chain_of_causes_that_loops_ends() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseOutage.causedBy(first)).isFalse();
    }
}
