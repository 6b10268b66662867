package no.fyrtarn.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka broker answers (PostgreSQL has the datasource's own check). */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    @Inject
    KafkaAdmin kafka;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Kafka broker").status(kafka.reachable(Duration.ofSeconds(2))).build();
    }
}
