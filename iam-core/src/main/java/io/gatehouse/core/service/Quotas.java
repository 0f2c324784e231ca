package io.gatehouse.core.service;

/** IAM's default quotas (AWS's "IAM and AWS STS quotas" page). */
public final class Quotas {
    public static final int USERS_PER_ACCOUNT = 5000;
    public static final int GROUPS_PER_ACCOUNT = 300;
    public static final int GROUPS_PER_USER = 10;
    public static final int ACCESS_KEYS_PER_USER = 2;
    public static final int TAGS_PER_ENTITY = 50;
    public static final int MFA_DEVICES_PER_USER = 8;
    public static final int SIGNING_CERTIFICATES_PER_USER = 2;
    public static final int ROLES_PER_ACCOUNT = 1000;
    public static final int INSTANCE_PROFILES_PER_ACCOUNT = 1000;
    public static final int ROLES_PER_INSTANCE_PROFILE = 1;
    /** Characters of a role trust policy, whitespace not counted (AWS's ACLSizePerRole). */
    public static final int TRUST_POLICY_SIZE = 2048;
    public static final int MANAGED_POLICIES_PER_ACCOUNT = 1500;
    public static final int MANAGED_POLICIES_PER_IDENTITY = 10;
    public static final int VERSIONS_PER_MANAGED_POLICY = 5;

    public static final int SAML_PROVIDERS_PER_ACCOUNT = 100;
    public static final int OIDC_PROVIDERS_PER_ACCOUNT = 100;
    public static final int CLIENT_IDS_PER_OIDC_PROVIDER = 100;
    public static final int THUMBPRINTS_PER_OIDC_PROVIDER = 5;

    private Quotas() {
    }
}
