package io.gatehouse.federation.sts;

import io.gatehouse.core.identity.OpenIdConnectProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS's condition keys for IAM OIDC federation ("Available keys for IAM OIDC federation"), named
 * by the provider's URL without its scheme: {@code <key>:aud}, {@code :sub}, {@code :amr} and
 * {@code :azp}. One rule for {@code AssumeRoleWithWebIdentity} and the browser sign-in alike.
 *
 * @param audience the client id the token was issued to
 */
public record WebIdentityKeys(String subject, String audience, List<String> amr, Optional<String> azp) {

    public WebIdentityKeys {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        amr = List.copyOf(amr);
        Objects.requireNonNull(azp, "azp");
    }

    public Map<String, List<String>> of(OpenIdConnectProvider provider) {
        String prefix = provider.key() + ":";
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put(prefix + "aud", List.of(audience));
        keys.put(prefix + "sub", List.of(subject));
        if (!amr.isEmpty()) {
            keys.put(prefix + "amr", amr);
        }
        azp.ifPresent(party -> keys.put(prefix + "azp", List.of(party)));
        return keys;
    }
}
