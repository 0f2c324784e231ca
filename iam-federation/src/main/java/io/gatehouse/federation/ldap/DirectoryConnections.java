package io.gatehouse.federation.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import javax.net.SocketFactory;
import java.util.Objects;

/**
 * The connections to one directory: a pool bound as the service account for searches, and a fresh
 * connection for each user bind, so a user's identity never lingers on a pooled connection.
 */
final class DirectoryConnections implements AutoCloseable {

    private static final int MAX_POOLED = 8;

    private final LdapDirectory directory;
    private final SocketFactory sockets;
    private final LDAPConnectionOptions options;
    private final LDAPConnectionPool pool;

    DirectoryConnections(LdapDirectory directory, SocketFactory sockets) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.sockets = Objects.requireNonNull(sockets, "sockets");
        this.options = options(directory);
        SingleServerSet server = new SingleServerSet(directory.host(), directory.port(), sockets, options);
        try {
            // No connection up front and no failure if the directory is down at start: a later
            // sign-in reconnects, and reports the outage then.
            this.pool = new LDAPConnectionPool(server,
                    new SimpleBindRequest(directory.bindDn(), directory.bindPassword()),
                    0, MAX_POOLED, 1, null, false);
        } catch (LDAPException e) {
            throw unreachable(e);
        }
        pool.setMaxWaitTimeMillis(directory.timeout().toMillis());
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
    }

    LDAPConnectionPool pool() {
        return pool;
    }

    /** A new, unauthenticated connection for one user bind; the caller closes it. */
    LDAPConnection fresh() {
        try {
            return new LDAPConnection(sockets, options, directory.host(), directory.port());
        } catch (LDAPException e) {
            throw unreachable(e);
        }
    }

    /** The failure of a service-account operation, as the caller sees it. */
    IamException failure(LDAPException e) {
        if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
            return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR,
                    "The directory " + where() + " refused the service account " + directory.bindDn());
        }
        if (isOutage(e.getResultCode())) {
            return unreachable(e);
        }
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR,
                "The directory " + where() + " could not be searched: " + e.getResultCode().getName());
    }

    IamException unreachable(LDAPException e) {
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR,
                "The directory " + where() + " cannot be reached: " + e.getResultCode().getName());
    }

    /** Whether the failure says nothing about the request, only that the directory did not answer. */
    static boolean isOutage(ResultCode code) {
        return code.isClientSideResultCode() || code == ResultCode.BUSY || code == ResultCode.UNAVAILABLE;
    }

    private String where() {
        return directory.host() + ":" + directory.port();
    }

    private static LDAPConnectionOptions options(LdapDirectory directory) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int millis = Math.toIntExact(directory.timeout().toMillis());
        options.setConnectTimeoutMillis(millis);
        options.setResponseTimeoutMillis(millis);
        // A bind with a DN and no password is an unauthenticated bind (RFC 4513 §5.1.2): never send one.
        options.setBindWithDNRequiresPassword(true);
        options.setFollowReferrals(false);
        if (directory.usesTls()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
        }
        return options;
    }

    @Override
    public void close() {
        pool.close();
    }
}
