package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.LoginProviderSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign-in providers (V82). */
abstract class LoginProviderContract extends RepositoryContract {

    static LoginProvider keycloak(AccountId account, String name) {
        LoginProviderSettings settings = new LoginProviderSettings(LoginProviderKind.KEYCLOAK, Optional.empty(),
                Optional.empty(), Optional.of("https://sso.example.com"), Optional.of("corp"), "console",
                List.of("openid", "email", "roles"), "client_secret_post",
                "arn:aws:iam::" + account.value() + ":oidc-provider/sso.example.com/realms/corp");
        return new LoginProvider(account, name, settings, Optional.of(new SealedSecret("k1", new byte[] {5, 6, 7})), T0);
    }

    private static JpaLoginProviderRepository providers(Store.Repositories r) {
        return new JpaLoginProviderRepository(r.em());
    }

    @Test
    void keepsEveryFieldOfASignInProvider() {
        AccountId account = givenAccount();
        LoginProvider provider = keycloak(account, "Corp");

        store.run(r -> providers(r).create(provider));

        assertEquals(Optional.of(provider), store.inTransaction(r -> providers(r).findByName(account, "corp")));
    }

    @Test
    void keepsAPublicClientWithoutASecret() {
        AccountId account = givenAccount();
        LoginProvider keycloak = keycloak(account, "public");
        LoginProvider provider = new LoginProvider(account, "public", new LoginProviderSettings(LoginProviderKind.OIDC,
                Optional.of("https://idp.example.com"), Optional.empty(), Optional.empty(), Optional.empty(),
                "spa", List.of(), "none", keycloak.settings().iamProviderArn()), Optional.empty(), T0);

        store.run(r -> providers(r).create(provider));

        assertEquals(Optional.of(provider), store.inTransaction(r -> providers(r).findByName(account, "PUBLIC")));
    }

    @Test
    void databaseRejectsASecondSignInProviderWhoseNameDiffersOnlyInCase() {
        AccountId account = givenAccount();
        store.run(r -> providers(r).create(keycloak(account, "corp")));

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> providers(r).create(keycloak(account, "CORP"))));

        assertEquals(1, count(r -> providers(r).count(account)));
    }

    @Test
    void updateSavesTheSettingsAndTheSecretAndDeleteRemoves() {
        AccountId account = givenAccount();
        LoginProvider provider = keycloak(account, "corp");
        store.run(r -> providers(r).create(provider));
        LoginProvider changed = provider.withSettings(provider.settings(),
                Optional.of(new SealedSecret("k2", new byte[] {9})));

        store.run(r -> providers(r).update(changed));
        assertEquals(List.of(changed), store.inTransaction(r -> providers(r).list(account)));

        store.run(r -> providers(r).delete(changed));
        assertEquals(0, count(r -> providers(r).count(account)));
    }
}
