package io.gatehouse.federation.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;

import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Active Directory-like domain on loopback: UnboundID's in-memory server with the standard
 * schema extended by AD's sign-in attributes, the {@code corp.ldif} entries, a record of every
 * simple bind it receives, and the means to refuse a bind as a domain controller would.
 */
final class TestDirectory implements AutoCloseable {

    static final String BASE = "DC=corp,DC=example";
    static final String SERVICE_DN = "CN=Gatehouse Service,OU=Users," + BASE;
    static final String SERVICE_PASSWORD = "service-secret-9";
    static final String AD_USER_FILTER = "(&(objectClass=user)(|(sAMAccountName={0})(userPrincipalName={0})))";

    private final InMemoryDirectoryServer server;
    private final List<DN> binds = new CopyOnWriteArrayList<>();
    private final Map<DN, String> refusals = new ConcurrentHashMap<>();

    private final boolean tls;

    /** Listening for plain LDAP. */
    TestDirectory() throws Exception {
        this(null);
    }

    /** Listening for LDAPS with {@code serverTls}'s certificate, or for plain LDAP if it is null. */
    TestDirectory(SSLContext serverTls) throws Exception {
        this.tls = serverTls != null;
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), activeDirectorySchema()));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(tls
                ? InMemoryListenerConfig.createLDAPSConfig("loopback", loopback, 0, serverTls.getServerSocketFactory(), null)
                : InMemoryListenerConfig.createLDAPConfig("loopback", loopback, 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
                DN dn = new DN(request.getRequest().getBindDN());
                binds.add(dn);
                String diagnostic = refusals.get(dn);
                if (diagnostic != null) {
                    throw new LDAPException(ResultCode.INVALID_CREDENTIALS, diagnostic);
                }
            }
        });
        server = new InMemoryDirectoryServer(config);
        try (InputStream ldif = resource("corp.ldif")) {
            server.importFromLDIF(true, new LDIFReader(ldif));
        }
        server.startListening();
    }

    /** The AD-like directory as the service account sees it, users found by sAMAccountName or UPN. */
    LdapDirectory activeDirectory() {
        return new LdapDirectory(url(), SERVICE_DN, SERVICE_PASSWORD, "OU=Users," + BASE, AD_USER_FILTER,
                "OU=Groups," + BASE, GroupResolution.MEMBER_OF_NESTED, true, Duration.ofSeconds(5));
    }

    /** The groupOfNames part of the directory, as a plain LDAP server would hold it. */
    LdapDirectory plainLdap() {
        return new LdapDirectory(url(), SERVICE_DN, SERVICE_PASSWORD, "OU=People,OU=Directory," + BASE, "(uid={0})",
                "OU=Teams,OU=Directory," + BASE, GroupResolution.MEMBER_ATTRIBUTE, false, Duration.ofSeconds(5));
    }

    URI url() {
        return URI.create((tls ? "ldaps" : "ldap") + "://127.0.0.1:" + server.getListenPort());
    }

    InMemoryDirectoryServer server() {
        return server;
    }

    /** How many simple binds named {@code dn} since the directory started. */
    long bindsAs(String dn) throws LDAPException {
        DN wanted = new DN(dn);
        return binds.stream().filter(wanted::equals).count();
    }

    /** Every simple bind received, service account's included. */
    List<DN> binds() {
        return List.copyOf(binds);
    }

    /** Makes every bind as {@code dn} fail with invalidCredentials and {@code diagnostic}, as AD does. */
    void refuseBindsAs(String dn, String diagnostic) throws LDAPException {
        refusals.put(new DN(dn), diagnostic);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static Schema activeDirectorySchema() throws Exception {
        try (InputStream ldif = resource("active-directory-schema.ldif")) {
            return Schema.getSchema(ldif);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TestDirectory.class.getResourceAsStream("/ldap/" + name);
        if (in == null) {
            throw new IllegalStateException("Missing test resource /ldap/" + name);
        }
        return in;
    }
}
