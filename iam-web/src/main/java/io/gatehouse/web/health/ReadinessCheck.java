package io.gatehouse.web.health;

import io.gatehouse.web.bootstrap.FirstStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated and the first start has run. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    FirstStart firstStart;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gatehouse").status(firstStart.isReady()).build();
    }
}
