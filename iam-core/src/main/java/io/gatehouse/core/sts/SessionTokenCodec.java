package io.gatehouse.core.sts;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Tag;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Seals a {@link SessionToken} into the opaque session token AWS clients send back as
 * {@code X-Amz-Security-Token}, and opens it again: a compact JWE (direct AES-256-GCM, so
 * confidentiality and integrity in one step, deflated to keep the token short) whose header names
 * the key it was sealed with. A token that does not parse, names an unknown key or fails
 * authentication is refused as AWS refuses a bad token ({@code InvalidClientTokenId}); an authentic
 * but expired one as {@code ExpiredToken}.
 */
public final class SessionTokenCodec {

    private final TokenKeys keys;
    private final Clock clock;

    public SessionTokenCodec(TokenKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String seal(SessionToken token) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(keys.currentId())
                .compressionAlgorithm(CompressionAlgorithm.DEF)
                .build();
        EncryptedJWT jwt = new EncryptedJWT(header, Claims.of(token));
        try {
            jwt.encrypt(new DirectEncrypter(keys.current()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot seal a session token", e);
        }
        return jwt.serialize();
    }

    /** The session the token describes, if authentic and not expired at the codec's clock. */
    public SessionToken open(String sealed) {
        SessionToken token = decrypt(sealed);
        if (token.isExpiredAt(clock.instant())) {
            throw new IamException(ErrorCode.EXPIRED_TOKEN, "The security token included in the request is expired");
        }
        return token;
    }

    private SessionToken decrypt(String sealed) {
        try {
            EncryptedJWT jwt = EncryptedJWT.parse(sealed);
            JWEHeader header = jwt.getHeader();
            if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
                    || header.getKeyID() == null) {
                throw invalid();
            }
            jwt.decrypt(new DirectDecrypter(keys.byId(header.getKeyID()).orElseThrow(SessionTokenCodec::invalid)));
            return Claims.read(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalArgumentException | ClassCastException
                 | NullPointerException e) {
            throw invalid();
        }
    }

    private static IamException invalid() {
        return new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID, "The security token included in the request is invalid.");
    }

    /** The token's claims: short names, because every request carries them. */
    private static final class Claims {

        static JWTClaimsSet of(SessionToken token) {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .claim("ak", token.accessKeyId())
                    .claim("sk", token.secretAccessKey())
                    .claim("p", principal(token.principal()))
                    .issueTime(Date.from(token.issuedAt()))
                    .expirationTime(Date.from(token.expiration()));
            token.mfaAuthenticatedAt().ifPresent(at -> claims.claim("mfa", at.getEpochSecond()));
            token.sessionPolicy().ifPresent(policy -> claims.claim("pol", policy));
            if (!token.sessionPolicyArns().isEmpty()) {
                claims.claim("parn", token.sessionPolicyArns());
            }
            if (!token.tags().isEmpty()) {
                claims.claim("tag", token.tags().stream().map(tag -> List.of(tag.key(), tag.value())).toList());
            }
            if (!token.transitiveTagKeys().isEmpty()) {
                claims.claim("ttk", List.copyOf(token.transitiveTagKeys()));
            }
            token.sourceIdentity().ifPresent(identity -> claims.claim("sid", identity));
            if (token.roleChained()) {
                claims.claim("ch", true);
            }
            return claims.build();
        }

        static SessionToken read(JWTClaimsSet claims) throws ParseException {
            Long mfa = claims.getLongClaim("mfa");
            Boolean chained = claims.getBooleanClaim("ch");
            List<String> arns = claims.getStringListClaim("parn");
            List<String> transitive = claims.getStringListClaim("ttk");
            return new SessionToken(
                    required(claims.getStringClaim("ak")),
                    required(claims.getStringClaim("sk")),
                    principal(claims.getJSONObjectClaim("p")),
                    required(claims.getIssueTime()).toInstant(),
                    required(claims.getExpirationTime()).toInstant(),
                    Optional.ofNullable(mfa).map(Instant::ofEpochSecond),
                    Optional.ofNullable(claims.getStringClaim("pol")),
                    arns == null ? List.of() : arns,
                    tags(claims.getClaim("tag")),
                    transitive == null ? Set.of() : Set.copyOf(transitive),
                    Optional.ofNullable(claims.getStringClaim("sid")),
                    Boolean.TRUE.equals(chained));
        }

        private static Map<String, Object> principal(SessionPrincipal principal) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("a", principal.account().value());
            if (principal instanceof SessionPrincipal.AssumedRole role) {
                json.put("t", "role");
                json.put("id", role.roleId());
                json.put("arn", role.roleArn().toString());
                json.put("n", role.roleName());
                json.put("s", role.sessionName());
            } else if (principal instanceof SessionPrincipal.UserSession user) {
                json.put("t", "user");
                json.put("id", user.userId());
                json.put("arn", user.userArn().toString());
                json.put("n", user.userName());
            } else if (principal instanceof SessionPrincipal.FederatedUser federated) {
                json.put("t", "fed");
                json.put("id", federated.issuerUserId());
                json.put("n", federated.name());
            } else {
                json.put("t", "root");
            }
            return json;
        }

        private static SessionPrincipal principal(Map<String, Object> json) {
            AccountId account = new AccountId(string(json, "a"));
            return switch (string(json, "t")) {
                case "role" -> new SessionPrincipal.AssumedRole(account, string(json, "id"),
                        Arn.parse(string(json, "arn")), string(json, "n"), string(json, "s"));
                case "user" -> new SessionPrincipal.UserSession(account, string(json, "id"),
                        Arn.parse(string(json, "arn")), string(json, "n"));
                case "root" -> new SessionPrincipal.RootSession(account);
                case "fed" -> new SessionPrincipal.FederatedUser(account, string(json, "n"), string(json, "id"));
                default -> throw new IllegalArgumentException("unknown session principal type");
            };
        }

        private static List<Tag> tags(Object claim) {
            if (claim == null) {
                return List.of();
            }
            List<Tag> tags = new ArrayList<>();
            for (Object pair : (List<?>) claim) {
                List<?> keyValue = (List<?>) pair;
                tags.add(new Tag((String) keyValue.get(0), (String) keyValue.get(1)));
            }
            return tags;
        }

        private static String string(Map<String, Object> json, String name) {
            return (String) required(json.get(name));
        }

        private static <T> T required(T value) {
            if (value == null) {
                throw new IllegalArgumentException("a required claim is missing");
            }
            return value;
        }
    }
}
