package io.gatehouse.federation.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signs a user in against an LDAP directory or Active Directory: finds the user's entry with the
 * service account, proves the password with a bind as that entry, checks the account's standing and
 * resolves its groups.
 *
 * <p>An unknown user, an ambiguous login name and a wrong password are one and the same refusal,
 * so that sign-in cannot be used to learn which accounts exist; the account's standing is checked
 * only once the password is proven, for the same reason. Only Active Directory's own bind refusals
 * (locked, disabled, password expired) are passed on as they are.
 */
public final class LdapAuthenticator implements AutoCloseable {

    static final String REFUSED = "The user name or password is incorrect";
    static final int MAX_LOGIN_NAME_LENGTH = 256;
    static final int MAX_PASSWORD_LENGTH = 1024;

    private static final Logger LOG = Logger.getLogger(LdapAuthenticator.class.getName());
    private static final String MEMBER_OF = "memberOf";
    private static final String IN_CHAIN = "1.2.840.113556.1.4.1941";

    private final LdapDirectory directory;
    private final Clock clock;
    private final DirectoryConnections connections;
    private final DN groupBase;

    /** Trusts the JVM's default certificate authorities for {@code ldaps://}. */
    public LdapAuthenticator(LdapDirectory directory, Clock clock) {
        this(directory, clock, defaultTls());
    }

    /** Uses {@code tls} for {@code ldaps://}, e.g. to trust a corporate certificate authority. */
    public LdapAuthenticator(LdapDirectory directory, Clock clock, SSLSocketFactory tls) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        SocketFactory sockets = directory.usesTls() ? Objects.requireNonNull(tls, "tls") : SocketFactory.getDefault();
        this.connections = new DirectoryConnections(directory, sockets);
        this.groupBase = parse(directory.groupSearchBase());
    }

    public LdapDirectory directory() {
        return directory;
    }

    /** The user {@code loginName} names, if {@code password} is theirs and the account may sign in. */
    public DirectoryIdentity authenticate(String loginName, String password) {
        checkCredentials(loginName, password);
        SearchResultEntry user = findUser(loginName).orElseThrow(LdapAuthenticator::refused);
        bindAs(user.getDN(), password);
        if (directory.activeDirectory()) {
            ActiveDirectoryAccount.standingRefusal(user, clock.instant()).ifPresent(reason -> {
                throw IamException.accessDenied(reason);
            });
        }
        List<DN> groups = groupsOf(user);
        return new DirectoryIdentity(user.getDN(), loginName, selectedAttributes(user),
                groups.stream().map(DN::toString).toList(),
                groups.stream().map(LdapAuthenticator::commonName).toList());
    }

    private static void checkCredentials(String loginName, String password) {
        if (loginName == null || loginName.isBlank() || loginName.length() > MAX_LOGIN_NAME_LENGTH
                || loginName.chars().anyMatch(Character::isISOControl)) {
            throw IamException.validation("The user name must be 1 to " + MAX_LOGIN_NAME_LENGTH
                    + " characters without control characters");
        }
        // Many servers treat a simple bind with an empty password as anonymous and report success.
        if (password == null || password.isEmpty()) {
            throw IamException.validation("The password must not be empty");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw refused();
        }
    }

    private Optional<SearchResultEntry> findUser(String loginName) {
        Filter filter = directory.userFilterFor(loginName);
        List<String> attributes = new ArrayList<>(DirectoryIdentity.ATTRIBUTES);
        attributes.add(MEMBER_OF);
        attributes.addAll(ActiveDirectoryAccount.STATE_ATTRIBUTES);
        SearchRequest request = new SearchRequest(directory.userSearchBase(), SearchScope.SUB,
                DereferencePolicy.NEVER, 2, timeLimitSeconds(), false, filter, attributes.toArray(String[]::new));
        SearchResult result;
        try {
            result = connections.pool().search(request);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return ambiguous(filter);
            }
            throw connections.failure(e);
        }
        List<SearchResultEntry> entries = result.getSearchEntries();
        return switch (entries.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(entries.get(0));
            default -> ambiguous(filter);
        };
    }

    private static Optional<SearchResultEntry> ambiguous(Filter filter) {
        // Refused like an unknown user; the operator learns the cause from the log.
        LOG.warning(() -> "More than one directory entry matches " + filter + "; sign-in refused");
        return Optional.empty();
    }

    private void bindAs(String userDn, String password) {
        try (LDAPConnection connection = connections.fresh()) {
            connection.bind(new SimpleBindRequest(userDn, password));
        } catch (LDAPException e) {
            if (DirectoryConnections.isOutage(e.getResultCode())) {
                throw connections.unreachable(e);
            }
            if (directory.activeDirectory() && e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                ActiveDirectoryAccount.bindRefusal(e.getDiagnosticMessage()).ifPresent(reason -> {
                    throw IamException.accessDenied(reason);
                });
            }
            throw refused();
        }
    }

    private List<DN> groupsOf(SearchResultEntry user) {
        try {
            return switch (directory.groups()) {
                case MEMBER_OF_NESTED -> new GroupWalk(groupBase, this::memberOf).from(dns(user.getAttributeValues(MEMBER_OF)));
                case MEMBER_ATTRIBUTE -> new GroupWalk(groupBase, this::groupsListing).from(groupsListing(user.getParsedDN()));
                case MEMBER_OF_IN_CHAIN -> inChain(user.getParsedDN());
            };
        } catch (LDAPException e) {
            throw connections.failure(e);
        }
    }

    private List<DN> memberOf(DN group) throws LDAPException {
        Entry entry = connections.pool().getEntry(group.toString(), MEMBER_OF);
        return entry == null ? List.of() : dns(entry.getAttributeValues(MEMBER_OF));
    }

    private List<DN> groupsListing(DN member) throws LDAPException {
        Filter filter = Filter.createORFilter(
                Filter.createEqualityFilter("member", member.toString()),
                Filter.createEqualityFilter("uniqueMember", member.toString()));
        return groupSearch(filter);
    }

    private List<DN> inChain(DN user) throws LDAPException {
        List<DN> groups = groupSearch(inChainFilter(user));
        if (groups.size() > GroupWalk.MAX_GROUPS) {
            throw GroupWalk.tooManyGroups();
        }
        return groups;
    }

    /** AD's transitive membership search: {@code (member:1.2.840.113556.1.4.1941:=<user DN>)}. */
    static Filter inChainFilter(DN user) {
        return Filter.createExtensibleMatchFilter("member", IN_CHAIN, false, user.toString());
    }

    private List<DN> groupSearch(Filter filter) throws LDAPException {
        SearchRequest request = new SearchRequest(directory.groupSearchBase(), SearchScope.SUB,
                DereferencePolicy.NEVER, GroupWalk.MAX_GROUPS + 1, timeLimitSeconds(), false, filter,
                SearchRequest.NO_ATTRIBUTES);
        SearchResult result;
        try {
            result = connections.pool().search(request);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw GroupWalk.tooManyGroups();
            }
            throw e;
        }
        List<DN> groups = new ArrayList<>();
        for (SearchResultEntry entry : result.getSearchEntries()) {
            groups.add(entry.getParsedDN());
        }
        return groups;
    }

    private int timeLimitSeconds() {
        return (int) Math.max(1, directory.timeout().toSeconds());
    }

    private static Map<String, List<String>> selectedAttributes(Entry user) {
        Map<String, List<String>> selected = new LinkedHashMap<>();
        for (String name : DirectoryIdentity.ATTRIBUTES) {
            String[] values = user.getAttributeValues(name);
            if (values != null && values.length > 0) {
                selected.put(name, List.of(values));
            }
        }
        return selected;
    }

    private static List<DN> dns(String[] values) throws LDAPException {
        List<DN> dns = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                dns.add(new DN(value));
            }
        }
        return dns;
    }

    /** A group's name as the directory shows it: the value of its CN, or of its first RDN. */
    static String commonName(DN group) {
        var rdn = group.getRDN();
        String[] names = rdn.getAttributeNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase("cn")) {
                return rdn.getAttributeValues()[i];
            }
        }
        return rdn.getAttributeValues()[0];
    }

    private static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("Not a distinguished name: " + dn, e);
        }
    }

    private static IamException refused() {
        return new IamException(ErrorCode.ACCESS_DENIED, REFUSED);
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM offers no default TLS context", e);
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}
