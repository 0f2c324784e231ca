package io.gatehouse.core.service;

import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyLastUsed;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.UserRepository;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Access keys: creation (secret shown once), status changes, deletion, last use. */
public final class AccessKeyService {

    private final AccessKeyRepository keys;
    private final UserRepository users;
    private final CredentialGenerator generator;
    private final SecretCipher cipher;
    private final Clock clock;
    private final RecentUses recentUses = new RecentUses();
    /**
     * Active keys with their unsealed secrets, as this node read them in the last few seconds:
     * authentication then reads and unseals a key once per interval instead of on every request.
     * A change made on this node takes effect at once; one made on another node within
     * {@link #KEY_STALENESS} (AWS's IAM is eventually consistent in the same way).
     */
    private final Map<String, VerifiedKey> verified = new ConcurrentHashMap<>();
    static final Duration KEY_STALENESS = Duration.ofSeconds(5);
    private static final int VERIFIED_LIMIT = 100_000;

    public AccessKeyService(AccessKeyRepository keys, UserRepository users, CredentialGenerator generator,
                            SecretCipher cipher, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.generator = generator;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Whose keys a call means: the named user, else the caller itself (AWS: "if you do not specify
     * a user name, IAM determines the user name implicitly based on the access key ID used to sign the request").
     */
    public KeyOwner owner(Caller caller, Optional<String> userName) {
        if (userName.isEmpty()) {
            caller.requireUserCredentials();
            return new KeyOwner(caller.account(), caller.user());
        }
        String name = Constraint.EXISTING_USER_NAME.check("UserName", userName.get());
        User user = users.findByName(caller.account(), name).orElseThrow(() -> UserService.noSuchUser(name));
        return new KeyOwner(caller.account(), Optional.of(user));
    }

    public NewAccessKey create(KeyOwner owner) {
        if (keys.countFor(owner.account(), owner.userId()) >= Quotas.ACCESS_KEYS_PER_USER) {
            throw IamException.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + Quotas.ACCESS_KEYS_PER_USER);
        }
        String id = generator.accessKeyId();
        String secret = generator.secretAccessKey();
        AccessKey key = new AccessKey(id, owner.account(), owner.userId(), AccessKeyStatus.Active,
                cipher.seal(secret.getBytes(StandardCharsets.UTF_8), associatedData(id)), clock.instant());
        keys.create(key);
        return new NewAccessKey(key, owner.userName(), secret);
    }

    /** Creates a key with a secret chosen by configuration (bootstrap automation). */
    public NewAccessKey importKey(KeyOwner owner, String accessKeyId, String secret) {
        AccessKey key = new AccessKey(accessKeyId, owner.account(), owner.userId(), AccessKeyStatus.Active,
                cipher.seal(secret.getBytes(StandardCharsets.UTF_8), associatedData(accessKeyId)), clock.instant());
        keys.create(key);
        return new NewAccessKey(key, owner.userName(), secret);
    }

    public List<AccessKey> list(KeyOwner owner) {
        return keys.listFor(owner.account(), owner.userId());
    }

    public void updateStatus(KeyOwner owner, String accessKeyId, AccessKeyStatus status) {
        keys.updateStatus(owned(owner, accessKeyId).accessKeyId(), status);
        verified.remove(accessKeyId);
    }

    public void delete(KeyOwner owner, String accessKeyId) {
        keys.delete(owned(owner, accessKeyId).accessKeyId());
        verified.remove(accessKeyId);
    }

    /** The key's owner name (empty for root) and its last use, for GetAccessKeyLastUsed. */
    public KeyUse lastUsed(Caller caller, String accessKeyId) {
        Constraint.ACCESS_KEY_ID.check("AccessKeyId", accessKeyId);
        AccessKey key = keys.find(accessKeyId)
                .filter(k -> k.account().equals(caller.account()))
                .orElseThrow(() -> noSuchKey(accessKeyId));
        String userName = key.userId().flatMap(users::findById).map(User::name).orElse("");
        return new KeyUse(userName, keys.lastUsed(accessKeyId));
    }

    /** The secret of a key, for verifying a request's signature. */
    public String secretOf(AccessKey key) {
        return new String(cipher.open(key.sealedSecret(), associatedData(key.accessKeyId())), StandardCharsets.UTF_8);
    }

    /** An active key and its secret, for verifying a signature; read through the short-lived cache. */
    public Optional<ActiveKey> activeKey(String accessKeyId) {
        Instant now = clock.instant();
        VerifiedKey cached = verified.get(accessKeyId);
        if (cached != null && cached.readAt().plus(KEY_STALENESS).isAfter(now)) {
            return Optional.of(cached.key());
        }
        Optional<ActiveKey> active = keys.find(accessKeyId).filter(AccessKey::isActive)
                .map(key -> new ActiveKey(key, secretOf(key)));
        if (active.isEmpty()) {
            verified.remove(accessKeyId);
            return active;
        }
        if (verified.size() >= VERIFIED_LIMIT) {
            verified.clear();
        }
        verified.put(accessKeyId, new VerifiedKey(active.get(), now));
        return active;
    }

    /** A key that may sign requests, with its secret; never shows the secret. */
    public record ActiveKey(AccessKey key, String secret) {
        @Override
        public String toString() {
            return "ActiveKey[" + key.accessKeyId() + "]";
        }
    }

    private record VerifiedKey(ActiveKey key, Instant readAt) {
    }

    /** Records the key's use (GetAccessKeyLastUsed, the credential report), at most once a minute alike. */
    public void recordUse(String accessKeyId, String service, String region) {
        Instant now = clock.instant();
        if (recentUses.shouldWrite(accessKeyId, service + "/" + region, now)) {
            keys.recordUse(accessKeyId, new AccessKeyLastUsed(now, service, region));
        }
    }

    /** A key id of another owner is reported as missing, so ids cannot be probed across users. */
    private AccessKey owned(KeyOwner owner, String accessKeyId) {
        Constraint.ACCESS_KEY_ID.check("AccessKeyId", accessKeyId);
        return keys.find(accessKeyId)
                .filter(k -> k.account().equals(owner.account()) && k.userId().equals(owner.userId()))
                .orElseThrow(() -> noSuchKey(accessKeyId));
    }

    private static IamException noSuchKey(String accessKeyId) {
        return IamException.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

    /** Binds the sealed secret to its key id, so a sealed secret cannot be moved to another key row. */
    private static byte[] associatedData(String accessKeyId) {
        return accessKeyId.getBytes(StandardCharsets.UTF_8);
    }

    public record KeyUse(String userName, Optional<AccessKeyLastUsed> lastUsed) {
    }
}
