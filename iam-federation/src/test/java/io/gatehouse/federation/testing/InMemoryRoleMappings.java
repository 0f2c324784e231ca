package io.gatehouse.federation.testing;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.port.RoleMappingRepository;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Role-mapping documents in memory, keyed by provider ARN. */
public final class InMemoryRoleMappings implements RoleMappingRepository {

    private final Map<Arn, String> documents = new ConcurrentHashMap<>();

    public Optional<String> find(Arn provider) {
        return Optional.ofNullable(documents.get(provider));
    }

    public void put(AccountId account, Arn provider, String document) {
        documents.put(provider, document);
    }

    public boolean isEmpty() {
        return documents.isEmpty();
    }

    public boolean delete(Arn provider) {
        return documents.remove(provider) != null;
    }
}
