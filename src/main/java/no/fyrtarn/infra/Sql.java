package no.fyrtarn.infra;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.postgresql.util.PGobject;

/**
 * Plain JDBC on the current transaction's connection, for the statements that run on every share, click, event or
 * board: there Hibernate's native-query plumbing (parsing, parameter binding, result mapping) cost several times what
 * the JDBC driver did, and kept the JIT busy; and for reads that join tables with no entity mapping between them.
 * Everything else uses Panache. Parameters are positional
 * ({@code ?}); an {@link Instant} binds as timestamptz, an enum by name; arrays (for {@code unnest}, {@code any}) bind
 * as uuid[], varchar[] and timestamptz[] from {@code UUID[]}, {@code String[]} and {@code Instant[]}. These statements
 * bypass the persistence context: use them only where nothing managed by Hibernate is pending in the transaction.
 */
@ApplicationScoped
public class Sql {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @Inject
    EntityManager em;

    /** @return how many rows the statement changed */
    public int update(String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> read = new ArrayList<>();
                    while (rows.next()) {
                        read.add(row.read(rows));
                    }
                    return read;
                }
            }
        });
    }

    public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return list(sql, row, parameters).stream().findFirst();
    }

    /** A timestamptz column; null stays null. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    public static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof Instant at) {
                statement.setObject(i + 1, at.atOffset(ZoneOffset.UTC));
            } else if (p instanceof Enum<?> e) {
                statement.setString(i + 1, e.name());
            } else if (p instanceof UUID[] ids) {
                statement.setObject(i + 1, arrayText("uuid[]", ids));
            } else if (p instanceof String[] texts) {
                // the driver sends a String[] in binary (varchar[]); createArrayOf would send text that PostgreSQL
                // parses element by element. uuid[] and timestamptz[] have no binary form in the driver.
                statement.setObject(i + 1, texts);
            } else if (p instanceof Instant[] times) {
                statement.setObject(i + 1, arrayText("timestamptz[]", times));
            } else if (p instanceof LocalDate[] days) {
                statement.setObject(i + 1, arrayText("date[]", days));
            } else {
                statement.setObject(i + 1, p); // String, UUID, numbers, int[], booleans, LocalDate; null as untyped
            }
        }
    }

    /**
     * An array of UUIDs, instants or dates in PostgreSQL's array syntax. Their text (36 hex digits and dashes; ISO-8601) needs
     * no quoting, so this skips the character-by-character escaping of the driver's {@code createArrayOf}, which was a
     * fifth of the click consumer's time.
     */
    private static PGobject arrayText(String type, Object[] elements) throws SQLException {
        StringBuilder text = new StringBuilder(2 + 37 * elements.length).append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(elements[i] == null ? "NULL" : elements[i].toString());
        }
        PGobject array = new PGobject();
        array.setType(type);
        array.setValue(text.append('}').toString());
        return array;
    }
}
