package io.gatehouse.core.federation;

import io.gatehouse.core.identity.LoginProviderSettings;

import java.util.Optional;

/**
 * Checks that settings and a client secret describe a provider Gatehouse can sign people in at,
 * and says which issuer its identities come from. Implemented outside the core, where the
 * authorization code flow lives, so that each kind's rules are written once.
 */
public interface LoginProviderCheck {

    /**
     * @return the issuer URL ({@code https://accounts.google.com}, {@code https://github.com}) an
     *         IAM OIDC provider must be registered for
     * @throws io.gatehouse.core.error.IamException InvalidInput naming what is wrong
     */
    ProviderUrl issuer(LoginProviderSettings settings, Optional<String> clientSecret);
}
