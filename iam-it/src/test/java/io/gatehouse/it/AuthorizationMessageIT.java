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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An IAM refusal's encoded authorization failure message, decoded with the AWS SDK's STS client. */
class AuthorizationMessageIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final String MARKER = "Encoded authorization failure message: ";

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static AwsBasicCredentials userWithoutPolicies(String name) {
        IAM.createUser(b -> b.userName(name));
        AccessKey key = IAM.createAccessKey(b -> b.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static String encodedRefusal(AwsBasicCredentials keys, String target) {
        try (IamClient iam = StsApiIT.iam(keys)) {
            IamException denied = assertThrows(IamException.class, () -> iam.createUser(b -> b.userName(target)));
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            String message = denied.awsErrorDetails().errorMessage();
            assertTrue(message.contains(MARKER), message);
            return message.substring(message.indexOf(MARKER) + MARKER.length());
        }
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
        assertEquals("iam:CreateUser", context.get("action"));
        assertTrue(((String) context.get("resource")).endsWith(":user/" + target), decoded);
        assertTrue(((String) JSONObjectUtils.getJSONObject(context, "principal").get("arn")).endsWith(":user/" + name));
    }

    @Test
    void theRefusedUserMayNotDecodeItsOwnMessage() {
        AwsBasicCredentials keys = userWithoutPolicies(unique("curious"));
        String encoded = encodedRefusal(keys, unique("wanted"));

        try (StsClient sts = StsApiIT.sts(keys)) {
            StsException denied = assertThrows(StsException.class,
                    () -> sts.decodeAuthorizationMessage(b -> b.encodedMessage(encoded)));
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        }
    }

    @Test
    void anAlteredMessageIsInvalid() {
        String encoded = encodedRefusal(userWithoutPolicies(unique("altered")), unique("wanted"));
        String altered = encoded.substring(0, encoded.length() - 2) + (encoded.endsWith("AA") ? "BB" : "AA");

        try (StsClient sts = StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))) {
            InvalidAuthorizationMessageException invalid = assertThrows(InvalidAuthorizationMessageException.class,
                    () -> sts.decodeAuthorizationMessage(b -> b.encodedMessage(altered)));
            assertEquals("InvalidAuthorizationMessageException", invalid.awsErrorDetails().errorCode());
        }
    }
}
