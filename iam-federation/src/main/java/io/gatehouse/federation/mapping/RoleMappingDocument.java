package io.gatehouse.federation.mapping;

/**
 * The stored form of a provider's {@link RoleMappingRules}: a JSON document, read strictly (unknown
 * or repeated fields are refused) with errors that name the path and the line and column, and
 * written so that reading it back gives equal rules.
 *
 * <pre>{@code
 * {"mode": "FIRST_MATCH",
 *  "rules": [
 *    {"name": "admins", "conditions": [{"memberOf": "Domain Admins"}],
 *     "role": "arn:aws:iam::123456789012:role/Admin",
 *     "sessionTags": [{"key": "email", "fromClaim": "email"}]},
 *    {"name": "devs",
 *     "conditions": [{"claim": "department", "equals": ["R&D", "Engineering"], "ignoreCase": true},
 *                    {"claim": "email", "like": "*@example.com"}],
 *     "role": "arn:aws:iam::123456789012:role/Developer",
 *     "sessionTags": [{"key": "team", "fromClaim": "team", "optional": true}]},
 *    {"name": "everyone", "conditions": [{"claim": "email", "present": true}],
 *     "role": "arn:aws:iam::123456789012:role/ReadOnly"}]}
 * }</pre>
 * {@code mode}, {@code rules}, and each rule's {@code name}, {@code conditions} and {@code role} are
 * required; {@code "conditions": []} matches every identity. {@code equals} takes one string or an
 * array; {@code ignoreCase} (equals, like) and {@code optional} (session tags) default to false.
 */
public final class RoleMappingDocument {

    /** Far more than 100 rules of 10 conditions need, and small enough to read without worry. */
    public static final int MAX_DOCUMENT_CHARS = 262_144;

    private RoleMappingDocument() {
    }

    /** Reads and validates a rule document; refuses it with {@link InvalidRoleMappingException}. */
    public static RoleMappingRules parse(String json) {
        return RoleMappingReader.read(json);
    }

    /** The document for these rules; {@code parse(render(rules))} equals {@code rules}. */
    public static String render(RoleMappingRules rules) {
        return RoleMappingWriter.write(rules);
    }
}
