package no.fyrtarn.outbox;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The relay's settings; Quarkus refuses to start with one it could not work with (a batch of 0, a wait of 0). */
@ConfigMapping(prefix = "fyrtarn.outbox")
public interface OutboxConfig {

    /**
     * How soon the relay sweeps the table for due events after something suggests some are waiting that it was not
     * handed: committed events its queue had no room for, a failed relay round. Retries it sweeps for when due.
     */
    @WithDefault("500ms")
    @DurationMin(nanos = 0, inclusive = false)
    Duration pollInterval();

    /**
     * How often the relay sweeps the table otherwise, for events another instance committed and did not relay (it
     * stopped first). Each sweep reads the due index, which a flood of events leaves full of dead entries until
     * vacuum, so it is kept rare.
     */
    @WithDefault("5s")
    @DurationMin(nanos = 0, inclusive = false)
    Duration sweepInterval();

    /** Events claimed per batch: clicks arrive by the thousand, and each batch costs two statements and one ack wait. */
    @WithDefault("500")
    @Min(1)
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before trying again later. */
    @WithDefault("20s")
    @DurationMin(nanos = 0, inclusive = false)
    Duration ackTimeout();

    /** First retry delay after a failed publish; doubles per attempt up to maxBackoff. */
    @WithDefault("1s")
    @DurationMin(nanos = 0, inclusive = false)
    Duration initialBackoff();

    @WithDefault("1m")
    @DurationMin(nanos = 0, inclusive = false)
    Duration maxBackoff();

    /** CloudEvents ce_source of everything this service emits. */
    @WithDefault("urn:fyrtarn")
    URI source();
}
