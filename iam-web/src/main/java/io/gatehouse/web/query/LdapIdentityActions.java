package io.gatehouse.web.query;

import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.federation.ldap.LdapIdentityFederation;

/**
 * STS's AssumeRoleWithLDAPIdentity (MinIO's action, version 2011-06-15): unsigned, the directory
 * password is the proof. Answered like AssumeRole; audited for the role session it issued, with
 * the password redacted.
 */
public final class LdapIdentityActions {

    private LdapIdentityActions() {
    }

    public static UnsignedAction assumeRoleWithLdapIdentity(LdapIdentityFederation federation) {
        return new UnsignedAction("AssumeRoleWithLDAPIdentity", (params, facts, xml) -> {
            IssuedSession issued = federation.assume(request(params), facts);
            SessionPrincipal principal = issued.session().principal();
            xml.start("AssumedRoleUser")
                    .element("AssumedRoleId", principal.principalId())
                    .element("Arn", principal.arn().toString())
                    .end();
            StsActions.credentials(xml, issued);
            xml.element("PackedPolicySize", Integer.toString(issued.packedPolicySize()));
            return principal;
        });
    }

    private static LdapIdentityFederation.Request request(QueryParameters p) {
        return new LdapIdentityFederation.Request(p.required("ProviderArn"), p.required("LDAPUsername"),
                p.required("LDAPPassword"), p.optional("RoleArn"), p.optional("RoleSessionName"),
                p.optionalInt("DurationSeconds"), p.optional("Policy"));
    }

}
