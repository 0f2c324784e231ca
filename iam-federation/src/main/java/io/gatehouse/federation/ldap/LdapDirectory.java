package io.gatehouse.federation.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import io.gatehouse.core.federation.ProviderUrl;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A directory that users sign in against: where it is, the service account that searches it, where
 * users and groups live and how group membership is recorded.
 *
 * <p>{@code userFilter} is an LDAP filter in which {@code {0}} stands for the login name; the name
 * is escaped (RFC 4515) before it replaces the placeholder, so it can never add filter syntax.
 * Plain {@code ldap://} is accepted for loopback hosts only: a simple bind sends the user's password
 * as is, so anything that crosses a network goes over {@code ldaps://}.
 *
 * @param activeDirectory whether to read Active Directory's account state
 *                        ({@code userAccountControl}, {@code lockoutTime}, {@code accountExpires})
 *                        and its bind diagnostics ({@code data 775} and friends)
 * @param timeout         for connecting and for each operation
 */
public record LdapDirectory(
        URI url,
        String bindDn,
        String bindPassword,
        String userSearchBase,
        String userFilter,
        String groupSearchBase,
        GroupResolution groups,
        boolean activeDirectory,
        Duration timeout) {

    static final String LOGIN_PLACEHOLDER = "{0}";
    private static final String PLACEHOLDER_VALUE = "gatehouse0login0name";

    public LdapDirectory {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(bindPassword, "bindPassword");
        Objects.requireNonNull(userSearchBase, "userSearchBase");
        Objects.requireNonNull(userFilter, "userFilter");
        Objects.requireNonNull(groupSearchBase, "groupSearchBase");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(timeout, "timeout");
        checkUrl(url);
        checkDn("bindDn", bindDn);
        checkDn("userSearchBase", userSearchBase);
        checkDn("groupSearchBase", groupSearchBase);
        if (bindDn.isBlank() || bindPassword.isEmpty()) {
            // An empty password would make the service bind anonymous (RFC 4513 §5.1.2).
            throw new IllegalArgumentException("bindDn and bindPassword of the service account are required");
        }
        checkFilter(userFilter);
        if (groups == GroupResolution.MEMBER_OF_IN_CHAIN && !activeDirectory) {
            throw new IllegalArgumentException("MEMBER_OF_IN_CHAIN is an Active Directory matching rule");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("timeout must be positive and at most 5 minutes: " + timeout);
        }
    }

    public boolean usesTls() {
        return url.getScheme().equalsIgnoreCase("ldaps");
    }

    public String host() {
        String host = url.getHost();
        // URI keeps the brackets of an IPv6 literal; sockets want the bare address.
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return url.getPort() != -1 ? url.getPort() : usesTls() ? 636 : 389;
    }

    /** The filter that finds the user signing in as {@code loginName}. */
    Filter userFilterFor(String loginName) {
        try {
            return Filter.create(userFilter.replace(LOGIN_PLACEHOLDER, Filter.encodeValue(loginName)));
        } catch (LDAPException e) {
            // Unreachable for a filter that parsed with a placeholder value: the escaped name is inert.
            throw new IllegalStateException("userFilter does not accept an escaped login name", e);
        }
    }

    @Override
    public String toString() {
        return "LdapDirectory[url=" + url + ", bindDn=" + bindDn + ", bindPassword=****"
                + ", userSearchBase=" + userSearchBase + ", userFilter=" + userFilter
                + ", groupSearchBase=" + groupSearchBase + ", groups=" + groups
                + ", activeDirectory=" + activeDirectory + ", timeout=" + timeout + "]";
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("url must be an absolute ldaps:// URL with a host: " + url);
        }
        String path = url.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || url.getRawQuery() != null
                || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("url must name only the server (ldaps://host:port): " + url);
        }
        if (scheme.equals("ldaps")) {
            return;
        }
        if (scheme.equals("ldap") && ProviderUrl.isLoopback(url.getHost())) {
            return;
        }
        throw new IllegalArgumentException(
                "url must begin with ldaps:// (ldap:// is accepted only for localhost, 127.0.0.1 and [::1]): " + url);
    }

    private static void checkDn(String name, String value) {
        try {
            new DN(value);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(name + " is not a distinguished name: " + value);
        }
    }

    private static void checkFilter(String template) {
        if (!template.contains(LOGIN_PLACEHOLDER)) {
            throw new IllegalArgumentException("userFilter must contain {0} where the login name goes: " + template);
        }
        Filter parsed;
        try {
            parsed = Filter.create(template.replace(LOGIN_PLACEHOLDER, PLACEHOLDER_VALUE));
        } catch (LDAPException e) {
            throw new IllegalArgumentException("userFilter is not an LDAP filter: " + template);
        }
        if (placeholderNamesAnAttribute(parsed)) {
            // The login name may choose a value to compare, never what it is compared with.
            throw new IllegalArgumentException("userFilter may use {0} only as a value: " + template);
        }
    }

    private static boolean placeholderNamesAnAttribute(Filter filter) {
        return switch (filter.getFilterType()) {
            case Filter.FILTER_TYPE_AND, Filter.FILTER_TYPE_OR -> {
                boolean any = false;
                for (Filter component : filter.getComponents()) {
                    any |= placeholderNamesAnAttribute(component);
                }
                yield any;
            }
            case Filter.FILTER_TYPE_NOT -> placeholderNamesAnAttribute(filter.getNOTComponent());
            default -> contains(filter.getAttributeName()) || contains(filter.getMatchingRuleID());
        };
    }

    private static boolean contains(String part) {
        return part != null && part.contains(PLACEHOLDER_VALUE);
    }
}
