package io.gatehouse.federation.ldap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user the directory vouched for: the password bound, the account is in good standing.
 *
 * @param dn         the user's entry
 * @param loginName  the name the user signed in with
 * @param attributes the user's {@link #ATTRIBUTES} that the entry has, each with its values
 * @param groupDns   every group the user belongs to, nested ones included, nearest first
 * @param groupNames the common names of those groups, in the same order
 */
public record DirectoryIdentity(
        String dn,
        String loginName,
        Map<String, List<String>> attributes,
        List<String> groupDns,
        List<String> groupNames) {

    /** What the role-mapping rules and session tags may read about a directory user. */
    public static final List<String> ATTRIBUTES = List.of(
            "cn", "uid", "sAMAccountName", "userPrincipalName", "mail", "displayName", "givenName", "sn",
            "employeeNumber", "department", "title");

    public DirectoryIdentity {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(loginName, "loginName");
        attributes = copy(Objects.requireNonNull(attributes, "attributes"));
        groupDns = List.copyOf(groupDns);
        groupNames = List.copyOf(groupNames);
        if (groupDns.size() != groupNames.size()) {
            throw new IllegalArgumentException("groupDns and groupNames must correspond one to one");
        }
    }

    /** The first value of {@code attribute}, looked up case-insensitively as LDAP names are. */
    public Optional<String> attribute(String attribute) {
        return attributes.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(attribute) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> attributes) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
