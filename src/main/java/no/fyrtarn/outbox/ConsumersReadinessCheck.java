package no.fyrtarn.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while a consumer's batch keeps failing (it retries; events wait, none is lost), naming it and since when. */
@Readiness
@ApplicationScoped
public class ConsumersReadinessCheck implements HealthCheck {

    @Inject
    EventBatches batches;

    @Override
    public HealthCheckResponse call() {
        var failing = batches.failing();
        var response = HealthCheckResponse.named("Event consumers");
        failing.forEach((consumer, since) -> response.withData(consumer, "failing since " + since));
        return response.status(failing.isEmpty()).build();
    }
}
