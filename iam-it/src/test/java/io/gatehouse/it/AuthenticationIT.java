package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SigV4 at the door: what is accepted, and every way a request is refused before it acts. */
class AuthenticationIT extends GatehouseServer {

    private static final String LIST_USERS = "Action=ListUsers&Version=2010-05-08";
    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    @Test
    void aForgedSignatureIsRefused() {
        try (IamClient forger = iam(adminAccessKeyId(), adminSecret() + "x")) {
            IamException e = assertThrows(IamException.class, forger::listUsers);

            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
        }
    }

    @Test
    void aTamperedBodyIsRefused() {
        SdkHttpRequest signed = SignedHttp.sign(SignedHttp.formPost(endpoint(), LIST_USERS), LIST_USERS,
                adminAccessKeyId(), adminSecret(), Clock.systemUTC());

        HttpResponse<String> response = SignedHttp.send(signed, "Action=DeleteUser&Version=2010-05-08&UserName=admin");

        assertEquals(403, response.statusCode());
        assertEquals("SignatureDoesNotMatch", SignedHttp.errorCode(response));
    }

    @Test
    void anUnknownAccessKeyIsAnInvalidClientTokenId() {
        try (IamClient stranger = iam("AKIAUNKNOWNUNKNOWN00", "whatever-secret-whatever-secret-whatever")) {
            IamException e = assertThrows(IamException.class, stranger::listUsers);

            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void anUnsignedRequestIsMissingAuthenticationToken() {
        HttpResponse<String> response = SignedHttp.send(SignedHttp.formPost(endpoint(), LIST_USERS), LIST_USERS);

        assertEquals("MissingAuthenticationToken", SignedHttp.errorCode(response));
        assertEquals(403, response.statusCode());
    }

    @Test
    void aRequestSignedMoreThanFifteenMinutesAgoHasExpired() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        SdkHttpRequest signed = SignedHttp.sign(SignedHttp.formPost(endpoint(), LIST_USERS), LIST_USERS,
                adminAccessKeyId(), adminSecret(), past);

        HttpResponse<String> response = SignedHttp.send(signed, LIST_USERS);

        assertEquals("RequestExpired", SignedHttp.errorCode(response));
    }

    @Test
    void aRequestSignedFourteenMinutesAgoIsStillAccepted() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(14)), ZoneOffset.UTC);
        SdkHttpRequest signed = SignedHttp.sign(SignedHttp.formPost(endpoint(), LIST_USERS), LIST_USERS,
                adminAccessKeyId(), adminSecret(), past);

        HttpResponse<String> response = SignedHttp.send(signed, LIST_USERS);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("<ListUsersResponse"), response.body());
    }

    @Test
    void aPresignedGetUrlWorks() {
        URI url = URI.create(endpoint() + "/?" + LIST_USERS);
        SdkHttpRequest presigned = SignedHttp.presign(url, adminAccessKeyId(), adminSecret(), Clock.systemUTC(),
                Duration.ofMinutes(5));

        HttpResponse<String> response = SignedHttp.send(presigned, null);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("<UserName>admin</UserName>"), response.body());
    }

    @Test
    void anExpiredPresignedUrlIsRefused() {
        URI url = URI.create(endpoint() + "/?" + LIST_USERS);
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        SdkHttpRequest presigned = SignedHttp.presign(url, adminAccessKeyId(), adminSecret(), past, Duration.ofMinutes(5));

        HttpResponse<String> response = SignedHttp.send(presigned, null);

        assertEquals("RequestExpired", SignedHttp.errorCode(response));
    }

    @Test
    void anUnknownActionIsInvalidAction() {
        String body = "Action=MakeCoffee&Version=2010-05-08";
        SdkHttpRequest signed = SignedHttp.sign(SignedHttp.formPost(endpoint(), body), body,
                adminAccessKeyId(), adminSecret(), Clock.systemUTC());

        HttpResponse<String> response = SignedHttp.send(signed, body);

        assertEquals("InvalidAction", SignedHttp.errorCode(response));
        assertEquals(400, response.statusCode());
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        String body = "Action=CreateUser&Version=2010-05-08";
        SdkHttpRequest signed = SignedHttp.sign(SignedHttp.formPost(endpoint(), body), body,
                adminAccessKeyId(), adminSecret(), Clock.systemUTC());

        HttpResponse<String> response = SignedHttp.send(signed, body);

        assertEquals("MissingParameter", SignedHttp.errorCode(response));
        assertTrue(response.body().contains("UserName"), response.body());
    }

    @Test
    void aUserOutsideAdministratorsIsDeniedAndAdmittedOnceAMember() {
        String name = unique("outsider");
        IAM.createUser(b -> b.userName(name));
        var key = IAM.createAccessKey(b -> b.userName(name)).accessKey();
        try (IamClient outsider = iam(key.accessKeyId(), key.secretAccessKey())) {
            IamException denied = assertThrows(IamException.class, outsider::listUsers);
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            assertEquals(403, denied.statusCode());
            assertTrue(denied.awsErrorDetails().errorMessage().contains("iam:ListUsers"));

            IAM.addUserToGroup(b -> b.groupName("Administrators").userName(name));

            assertTrue(outsider.listUsers().users().stream().anyMatch(u -> u.userName().equals(name)));
        } finally {
            IAM.removeUserFromGroup(b -> b.groupName("Administrators").userName(name));
        }
    }
}
