package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.InvalidAuthorizationMessageException;
import software.amazon.awssdk.services.sts.model.StsException;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refusal's encoded authorization failure message on the JSON API, decoded with the AWS SDK's STS client. */
class AuthorizationMessageIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static AwsBasicCredentials userWithoutPolicies(String name) {
        IAM.createUser(b -> b.userName(name));
        AccessKey key = IAM.createAccessKey(b -> b.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    /**
     * The user's refusal to read LDAP provider {@code target} on the JSON API, which carries the
     * encoded details beside AWS's message; the same user's refusal on IAM's wire API reads as AWS's.
     */
    private static String encodedRefusal(AwsBasicCredentials keys, String target) throws Exception {
        try (IamClient iam = StsApiIT.iam(keys)) {
            IamException denied = assertThrows(IamException.class, () -> iam.createUser(b -> b.userName(target)));
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            assertFalse(denied.awsErrorDetails().errorMessage().contains("ncoded"),
                    denied.awsErrorDetails().errorMessage());
        }
        SdkHttpRequest signIn = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(endpoint().resolve("/api/v1/sessions")).build();
        HttpResponse<String> session = SignedHttp.send(SignedHttp.sign(signIn, "",
                AwsCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey()), "sts"), "");
        assertEquals(200, session.statusCode(), session.body());
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        endpoint().resolve("/api/v1/ldap-providers/" + target))
                .header("Authorization", "Bearer " + JSONObjectUtils.parse(session.body()).get("token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        Map<String, Object> error = JSONObjectUtils.parse(refused.body());
        assertEquals("AccessDenied", error.get("code"));
        return (String) error.get("encodedAuthorizationMessage");
    }

    @Test
    void anAdministratorDecodesTheRefusalOfAUserWithoutPolicies() throws Exception {
        String name = unique("refused");
        String target = unique("wanted");
        String encoded = encodedRefusal(userWithoutPolicies(name), target);
        assertFalse(encoded.contains(target), encoded);

        String decoded;
        try (StsClient sts = StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))) {
            decoded = sts.decodeAuthorizationMessage(b -> b.encodedMessage(encoded)).decodedMessage();
        }

        Map<String, Object> json = JSONObjectUtils.parse(decoded);
        assertEquals(false, json.get("allowed"));
        assertEquals(false, json.get("explicitDeny"));
        Map<String, Object> context = JSONObjectUtils.getJSONObject(json, "context");
        assertEquals("iam:GetLDAPProvider", context.get("action"));
        assertTrue(((String) context.get("resource")).endsWith(":ldap-provider/" + target), decoded);
        assertTrue(((String) JSONObjectUtils.getJSONObject(context, "principal").get("arn")).endsWith(":user/" + name));
    }

    @Test
    void theRefusedUserMayNotDecodeItsOwnMessage() throws Exception {
        AwsBasicCredentials keys = userWithoutPolicies(unique("curious"));
        String encoded = encodedRefusal(keys, unique("wanted"));

        try (StsClient sts = StsApiIT.sts(keys)) {
            StsException denied = assertThrows(StsException.class,
                    () -> sts.decodeAuthorizationMessage(b -> b.encodedMessage(encoded)));
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        }
    }

    @Test
    void anAlteredMessageIsInvalid() throws Exception {
        String encoded = encodedRefusal(userWithoutPolicies(unique("altered")), unique("wanted"));
        String altered = encoded.substring(0, encoded.length() - 2) + (encoded.endsWith("AA") ? "BB" : "AA");

        try (StsClient sts = StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))) {
            InvalidAuthorizationMessageException invalid = assertThrows(InvalidAuthorizationMessageException.class,
                    () -> sts.decodeAuthorizationMessage(b -> b.encodedMessage(altered)));
            assertEquals("InvalidAuthorizationMessageException", invalid.awsErrorDetails().errorCode());
        }
    }
}
