package io.gatehouse.core.service;

/** IAM's default quotas (AWS's "IAM and AWS STS quotas" page). */
public final class Quotas {
    public static final int USERS_PER_ACCOUNT = 5000;
    public static final int GROUPS_PER_ACCOUNT = 300;
    public static final int GROUPS_PER_USER = 10;
    public static final int ACCESS_KEYS_PER_USER = 2;
    public static final int TAGS_PER_ENTITY = 50;
    public static final int MANAGED_POLICIES_PER_ACCOUNT = 1500;
    public static final int MANAGED_POLICIES_PER_IDENTITY = 10;
    public static final int VERSIONS_PER_MANAGED_POLICY = 5;

    private Quotas() {
    }
}
