package io.gatehouse.federation.saml;

import io.gatehouse.core.arn.AccountId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS's condition keys for SAML-based federation ("Available keys for SAML-based AWS STS
 * federation"), for AssumeRoleWithSAML and the browser sign-in alike: the assertion's audience,
 * issuer, subject and name qualifier, and one {@code saml:<name>} key for each well-known attribute
 * the assertion carries under its OID name ({@code urn:oid:...}), with all of its values. Keys are
 * compared case-insensitively by the evaluator, so {@code saml:eduPersonAffiliation} matches too.
 */
public final class SamlConditionKeys {

    private static final String EDU_PERSON = "urn:oid:1.3.6.1.4.1.5923.1.1.1.";
    private static final String EDU_ORG = "urn:oid:1.3.6.1.4.1.5923.1.2.1.";

    /** Condition key (without {@code saml:}) by the OID attribute name AWS reads it from. */
    static final Map<String, String> ATTRIBUTE_KEYS = attributeKeys();

    private SamlConditionKeys() {
    }

    /**
     * @param audience the endpoint the assertion was presented to: AWS's sign-in endpoint for
     *                 AssumeRoleWithSAML, the assertion consumer service URL for a browser sign-in
     */
    public static Map<String, List<String>> of(ValidatedAssertion assertion, AccountId account, String providerName,
                                               String audience) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("saml:aud", List.of(audience));
        keys.put("saml:iss", List.of(assertion.issuer()));
        keys.put("saml:sub", List.of(assertion.subject()));
        keys.put("saml:sub_type", List.of(assertion.subjectType()));
        keys.put("saml:namequalifier",
                List.of(AwsSamlAttributes.nameQualifier(assertion.issuer(), account, providerName)));
        keys.put("saml:doc", List.of(account.value() + "/" + providerName));
        ATTRIBUTE_KEYS.forEach((oid, key) -> {
            List<String> values = assertion.attribute(oid);
            if (!values.isEmpty()) {
                keys.merge("saml:" + key, values, (earlier, later) -> earlier);
            }
        });
        // AWS names the X.500 common name both ways.
        if (keys.containsKey("saml:cn")) {
            keys.put("saml:commonName", keys.get("saml:cn"));
        }
        return keys;
    }

    private static Map<String, String> attributeKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(EDU_PERSON + "1", "edupersonaffiliation");
        keys.put(EDU_PERSON + "2", "edupersonnickname");
        keys.put(EDU_PERSON + "3", "edupersonorgdn");
        keys.put(EDU_PERSON + "4", "edupersonorgunitdn");
        keys.put(EDU_PERSON + "5", "edupersonprimaryaffiliation");
        keys.put(EDU_PERSON + "6", "edupersonprincipalname");
        keys.put(EDU_PERSON + "7", "edupersonentitlement");
        keys.put(EDU_PERSON + "8", "edupersonprimaryorgunitdn");
        keys.put(EDU_PERSON + "9", "edupersonscopedaffiliation");
        keys.put(EDU_PERSON + "10", "edupersontargetedid");
        keys.put(EDU_PERSON + "11", "edupersonassurance");
        keys.put(EDU_ORG + "2", "eduorghomepageuri");
        keys.put(EDU_ORG + "3", "eduorgidentityauthnpolicyuri");
        keys.put(EDU_ORG + "4", "eduorglegalname");
        keys.put(EDU_ORG + "5", "eduorgsuperioruri");
        keys.put(EDU_ORG + "6", "eduorgwhitepagesuri");
        keys.put("urn:oid:2.5.4.3", "cn");
        keys.put("urn:oid:2.5.4.4", "surname");
        keys.put("urn:oid:2.5.4.41", "name");
        keys.put("urn:oid:2.5.4.42", "givenName");
        keys.put("urn:oid:2.5.4.45", "x500UniqueIdentifier");
        keys.put("urn:oid:0.9.2342.19200300.100.1.1", "uid");
        keys.put("urn:oid:0.9.2342.19200300.100.1.3", "mail");
        keys.put("urn:oid:0.9.2342.19200300.100.1.45", "organizationStatus");
        keys.put("urn:oid:1.2.840.113556.1.4.98", "primaryGroupSID");
        return Map.copyOf(keys);
    }
}
