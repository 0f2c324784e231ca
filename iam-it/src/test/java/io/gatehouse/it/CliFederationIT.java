package io.gatehouse.it;

import io.gatehouse.it.SignedSamlResponse.IdentityProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * The real AWS CLI's unsigned federation calls ({@code scripts/cli-federation.sh}) with a web
 * identity token and a signed SAML response made here.
 */
class CliFederationIT extends GatehouseServer {

    @Test
    void theAwsCliAssumesRolesWithAWebIdentityTokenAndASamlAssertion() throws IOException, InterruptedException {
        String issuerId = unique("cli-issuer");
        String webRole = StsFederationIT.webRole(StsFederationIT.givenOidcProvider(issuerId), StsFederationIT.CLIENT_ID);
        String token = StsFederationIT.token(issuerId, StsFederationIT.CLIENT_ID, "cli-subject", 600);
        IdentityProvider idp = IdentityProvider.generate("urn:" + unique("cli-idp"));
        String provider = StsFederationIT.givenSamlProvider(idp);
        String samlRole = StsFederationIT.samlRole(provider);
        String assertion = SignedSamlResponse.offering(idp, samlRole, provider, "cli-saml").base64();

        CliScript.run("cli-federation.sh", "cli-federation", Map.of(
                "WEB_IDENTITY_TOKEN", token, "WEB_IDENTITY_ROLE_ARN", webRole,
                "SAML_ASSERTION", assertion, "SAML_ROLE_ARN", samlRole, "SAML_PROVIDER_ARN", provider));
    }
}
