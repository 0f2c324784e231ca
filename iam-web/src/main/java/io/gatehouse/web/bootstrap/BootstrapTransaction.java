package io.gatehouse.web.bootstrap;

import io.gatehouse.core.service.Bootstrap;
import io.gatehouse.core.service.BootstrapResult;
import io.gatehouse.core.service.BootstrapSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The first start's writes, all in one transaction: a failed bootstrap leaves the database empty. */
@ApplicationScoped
public class BootstrapTransaction {

    @Inject
    Bootstrap bootstrap;

    @Transactional
    public Optional<BootstrapResult> runIfEmpty(BootstrapSettings settings) {
        return bootstrap.runIfEmpty(settings);
    }
}
