package io.gatehouse.core.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactionTest {

    @Test
    void secretParametersAreReplacedAndOthersKept() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("UserName", "alice");
        params.put("Password", "hunter2");
        params.put("NewPassword", "hunter3");
        params.put("SecretAccessKey", "abc");
        params.put("AuthenticationCode1", "123456");
        params.put("SAMLAssertion", "PHNhbWw+");
        params.put("WebIdentityToken", "eyJ");

        Map<String, String> safe = Redaction.redact(params);

        assertEquals("alice", safe.get("UserName"));
        params.keySet().stream().filter(k -> !k.equals("UserName"))
                .forEach(k -> assertEquals(Redaction.REDACTED, safe.get(k), k));
    }
}
