package io.gatehouse.federation.saml;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;

import java.util.List;
import java.util.Objects;

import static io.gatehouse.federation.saml.SamlXml.invalid;

/**
 * One value of AWS's {@code https://aws.amazon.com/SAML/Attributes/Role} attribute: a role the
 * user may assume and the SAML provider ({@code PrincipalArn}) that vouches for the user.
 */
public record SamlRole(Arn roleArn, Arn principalArn) {

    public SamlRole {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(principalArn, "principalArn");
        if (!isIam(roleArn, "role/") || !isIam(principalArn, "saml-provider/")) {
            throw new IllegalArgumentException("A SAML role pairs an IAM role ARN with an IAM SAML provider ARN");
        }
    }

    /**
     * Reads {@code "<role ARN>,<provider ARN>"}; AWS accepts the two in either order and ignores the
     * whitespace around them.
     */
    public static SamlRole parse(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 2) {
            throw malformed(value, "must be a role ARN and a SAML provider ARN separated by one comma");
        }
        List<Arn> arns = List.of(arn(parts[0].strip(), value), arn(parts[1].strip(), value));
        Arn role = arns.stream().filter(arn -> isIam(arn, "role/")).findFirst()
                .orElseThrow(() -> malformed(value, "names no IAM role ARN (arn:aws:iam::<account>:role/<name>)"));
        Arn provider = arns.stream().filter(arn -> isIam(arn, "saml-provider/")).findFirst()
                .orElseThrow(() -> malformed(value,
                        "names no SAML provider ARN (arn:aws:iam::<account>:saml-provider/<name>)"));
        return new SamlRole(role, provider);
    }

    private static Arn arn(String text, String value) {
        try {
            return Arn.parse(text);
        } catch (IamException | IllegalArgumentException e) {
            throw malformed(value, "holds something that is not an ARN");
        }
    }

    private static boolean isIam(Arn arn, String resourcePrefix) {
        return arn.service().equals("iam") && arn.region().isEmpty() && !arn.account().isEmpty()
                && arn.resource().startsWith(resourcePrefix) && arn.resource().length() > resourcePrefix.length();
    }

    private static IamException malformed(String value, String problem) {
        String shown = value.length() > 300 ? value.substring(0, 300) + "..." : value;
        return invalid("The value '" + shown + "' of the SAML attribute " + AwsSamlAttributes.ROLE + " " + problem + ".");
    }
}
