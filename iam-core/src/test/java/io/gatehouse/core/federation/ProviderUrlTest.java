package io.gatehouse.core.federation;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderUrlTest {

    @Test
    void acceptsHttpsAnywhere() {
        assertEquals("https://idp.example.com/realms/corp",
                ProviderUrl.parse("Url", "https://idp.example.com/realms/corp").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/default", "http://127.0.0.1:9000", "http://[::1]:8443/x"})
    void acceptsPlainHttpOnLoopback(String url) {
        assertEquals(url, ProviderUrl.parse("Url", url).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://idp.example.com", "http://127.0.0.2", "ftp://localhost/x", "idp.example.com",
            "https:///no-host", "https://idp.example.com/?q=1", "https://user:pw@idp.example.com"})
    void refusesWhatAwsRefusesBeyondLoopback(String url) {
        IamException refused = assertThrows(IamException.class, () -> ProviderUrl.parse("Url", url));
        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
        assertTrue(refused.getMessage().startsWith("Url "), refused.getMessage());
    }

    @Test
    void dropsTheSchemeAndTrailingSlashAsAwsArnsDo() {
        assertEquals("idp.example.com/realms/corp",
                ProviderUrl.parse("Url", "https://IDP.example.com/realms/corp/").withoutScheme());
        assertEquals("localhost:8080/default", ProviderUrl.parse("Url", "http://localhost:8080/default").withoutScheme());
    }
}
