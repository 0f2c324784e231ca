package io.gatehouse.federation.ldap;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.LdapDirectoryCheck;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The directories of the account's LDAP providers: the check that stored settings make an
 * {@link LdapDirectory} (its rules, reported as {@code InvalidInput}), and one
 * {@link LdapAuthenticator} per provider, kept for its connection pool and replaced (the old one
 * closed) as soon as the provider's settings or password change.
 */
public final class LdapDirectories implements LdapDirectoryCheck, AutoCloseable {

    private final Function<LdapDirectory, LdapAuthenticator> opener;
    private final Map<Arn, Cached> authenticators = new HashMap<>();

    public LdapDirectories(Clock clock) {
        this(directory -> new LdapAuthenticator(directory, Objects.requireNonNull(clock, "clock")));
    }

    LdapDirectories(Function<LdapDirectory, LdapAuthenticator> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    private record Cached(LdapProvider provider, LdapAuthenticator authenticator) {
    }

    @Override
    public void check(LdapSettings settings, String bindPassword) {
        directory(settings, bindPassword);
    }

    /** The directory the settings describe; {@code InvalidInput} with {@link LdapDirectory}'s reason if none. */
    public static LdapDirectory directory(LdapSettings settings, String bindPassword) {
        try {
            return new LdapDirectory(new URI(settings.url()), settings.bindDn(), bindPassword,
                    settings.userSearchBase(), settings.userFilter(), settings.groupSearchBase(),
                    resolution(settings.groupResolution()), settings.activeDirectory(), settings.timeout());
        } catch (URISyntaxException e) {
            throw new IamException(ErrorCode.INVALID_INPUT, "url is not a URL: " + settings.url());
        } catch (IllegalArgumentException e) {
            throw new IamException(ErrorCode.INVALID_INPUT, e.getMessage());
        }
    }

    /** The provider's authenticator, opened with {@code bindPassword} when first needed or when the provider changed. */
    public synchronized LdapAuthenticator authenticator(LdapProvider provider, String bindPassword) {
        Cached cached = authenticators.get(provider.arn());
        if (cached != null && cached.provider().equals(provider)) {
            return cached.authenticator();
        }
        if (cached != null) {
            cached.authenticator().close();
        }
        LdapAuthenticator opened = opener.apply(directory(provider.settings(), bindPassword));
        authenticators.put(provider.arn(), new Cached(provider, opened));
        return opened;
    }

    /** Closes the authenticator of a provider that no longer exists. */
    public synchronized void forget(Arn provider) {
        Cached cached = authenticators.remove(provider);
        if (cached != null) {
            cached.authenticator().close();
        }
    }

    private static GroupResolution resolution(String name) {
        try {
            return GroupResolution.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IamException(ErrorCode.INVALID_INPUT, "groupResolution must be one of "
                    + Arrays.toString(GroupResolution.values()) + ": " + name);
        }
    }

    @Override
    public synchronized void close() {
        authenticators.values().forEach(c -> c.authenticator().close());
        authenticators.clear();
    }
}
