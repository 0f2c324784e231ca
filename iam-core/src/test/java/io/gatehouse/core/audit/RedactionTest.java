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

    @Test
    void everySecretOfTheCredentialActionsIsRedacted() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Password", "Create-Login-1");
        params.put("OldPassword", "Old-Password-1");
        params.put("NewPassword", "New-Password-1");
        params.put("AuthenticationCode1", "123456");
        params.put("AuthenticationCode2", "654321");

        Map<String, String> safe = Redaction.redact(params);

        params.keySet().forEach(k -> assertEquals(Redaction.REDACTED, safe.get(k), k));
    }

    @Test
    void credentialActionsKeepTheirNonSecretParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SerialNumber", "arn:aws:iam::123456789012:mfa/phone");
        params.put("VirtualMFADeviceName", "phone");
        params.put("PasswordResetRequired", "true");
        params.put("CertificateId", "ABCDEFGHIJKLMNOPQRSTUVWX");
        params.put("MinimumPasswordLength", "12");

        Map<String, String> safe = Redaction.redact(params);

        assertEquals("arn:aws:iam::123456789012:mfa/phone", safe.get("SerialNumber"));
        assertEquals("phone", safe.get("VirtualMFADeviceName"));
        assertEquals("ABCDEFGHIJKLMNOPQRSTUVWX", safe.get("CertificateId"));
        assertEquals("true", safe.get("PasswordResetRequired"));
        assertEquals("12", safe.get("MinimumPasswordLength"));
    }
}
