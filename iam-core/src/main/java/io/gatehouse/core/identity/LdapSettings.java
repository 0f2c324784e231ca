package io.gatehouse.core.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * Where an LDAP directory or Active Directory is and how to search it: everything of an LDAP
 * provider but the service account's password, which is kept apart and sealed. Only shape is
 * checked here; the directory rules (URL schemes, DN and filter syntax) are the
 * {@link io.gatehouse.core.federation.LdapDirectoryCheck}'s.
 *
 * @param groupResolution the name of how group membership is read ({@code MEMBER_OF_NESTED},
 *                        {@code MEMBER_OF_IN_CHAIN} or {@code MEMBER_ATTRIBUTE})
 */
public record LdapSettings(String url, String bindDn, String userSearchBase, String userFilter,
                           String groupSearchBase, String groupResolution, boolean activeDirectory,
                           Duration timeout) {

    public LdapSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(userSearchBase, "userSearchBase");
        Objects.requireNonNull(userFilter, "userFilter");
        Objects.requireNonNull(groupSearchBase, "groupSearchBase");
        Objects.requireNonNull(groupResolution, "groupResolution");
        Objects.requireNonNull(timeout, "timeout");
    }
}
