package io.gatehouse.web.query;

import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.federation.sts.SamlFederation;
import io.gatehouse.federation.sts.SamlRoleRequest;
import io.gatehouse.federation.sts.SamlSession;
import io.gatehouse.federation.sts.WebIdentityFederation;
import io.gatehouse.federation.sts.WebIdentityRoleRequest;
import io.gatehouse.federation.sts.WebIdentitySession;

import java.util.List;

/** STS's unsigned actions, AssumeRoleWithSAML and AssumeRoleWithWebIdentity, in botocore's response shapes. */
public final class FederationActions {

    private final SamlFederation saml;
    private final WebIdentityFederation webIdentity;

    public FederationActions(SamlFederation saml, WebIdentityFederation webIdentity) {
        this.saml = saml;
        this.webIdentity = webIdentity;
    }

    public List<UnsignedAction> all() {
        return List.of(new UnsignedAction("AssumeRoleWithSAML", this::assumeRoleWithSaml),
                new UnsignedAction("AssumeRoleWithWebIdentity", this::assumeRoleWithWebIdentity));
    }

    private SessionPrincipal assumeRoleWithSaml(QueryParameters p, RequestFacts facts, XmlWriter xml) {
        SamlSession session = saml.assumeRole(new SamlRoleRequest(p.required("SAMLAssertion"), p.required("RoleArn"),
                p.required("PrincipalArn"), StsActions.sessionPolicies(p), p.optionalInt("DurationSeconds")), facts);
        IssuedSession issued = session.issued();
        StsActions.credentials(xml, issued);
        assumedRoleUser(xml, issued);
        xml.element("PackedPolicySize", Integer.toString(issued.packedPolicySize()))
                .element("Subject", session.subject())
                .element("SubjectType", session.subjectType())
                .element("Issuer", session.issuer())
                .element("Audience", session.audience())
                .element("NameQualifier", session.nameQualifier());
        issued.session().sourceIdentity().ifPresent(identity -> xml.element("SourceIdentity", identity));
        return issued.session().principal();
    }

    private SessionPrincipal assumeRoleWithWebIdentity(QueryParameters p, RequestFacts facts, XmlWriter xml) {
        WebIdentitySession session = webIdentity.assumeRole(new WebIdentityRoleRequest(p.required("WebIdentityToken"),
                p.required("RoleArn"), p.required("RoleSessionName"), p.optional("ProviderId"),
                StsActions.sessionPolicies(p), p.optionalInt("DurationSeconds")), facts);
        IssuedSession issued = session.issued();
        StsActions.credentials(xml, issued);
        xml.element("SubjectFromWebIdentityToken", session.subject());
        assumedRoleUser(xml, issued);
        xml.element("PackedPolicySize", Integer.toString(issued.packedPolicySize()))
                .element("Provider", session.provider())
                .element("Audience", session.audience());
        issued.session().sourceIdentity().ifPresent(identity -> xml.element("SourceIdentity", identity));
        return issued.session().principal();
    }

    private static void assumedRoleUser(XmlWriter xml, IssuedSession issued) {
        SessionPrincipal principal = issued.session().principal();
        xml.start("AssumedRoleUser")
                .element("AssumedRoleId", principal.principalId())
                .element("Arn", principal.arn().toString())
                .end();
    }
}
