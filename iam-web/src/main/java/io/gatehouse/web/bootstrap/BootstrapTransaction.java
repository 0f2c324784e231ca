package io.gatehouse.web.bootstrap;

import io.gatehouse.core.service.Bootstrap;
import io.gatehouse.core.service.BootstrapResult;
import io.gatehouse.core.service.BootstrapSettings;
import io.gatehouse.core.organization.OrganizationService;
import io.gatehouse.core.port.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * The first start's writes, all in one transaction: a failed bootstrap leaves the database empty.
 * The bootstrapped account manages the organization; a database from before organizations existed
 * gets its organization, managed by its oldest account, on the next start.
 */
@ApplicationScoped
public class BootstrapTransaction {

    @Inject
    Bootstrap bootstrap;

    @Inject
    OrganizationService organizations;

    @Inject
    AccountRepository accounts;

    @Transactional
    public Optional<BootstrapResult> runIfEmpty(BootstrapSettings settings) {
        Optional<BootstrapResult> result = bootstrap.runIfEmpty(settings);
        result.map(r -> r.account().id()).or(accounts::oldest).ifPresent(organizations::establish);
        return result;
    }
}
