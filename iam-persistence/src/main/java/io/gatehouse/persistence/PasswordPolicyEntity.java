package io.gatehouse.persistence;

import io.gatehouse.core.identity.PasswordPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Optional;

@Entity
@Table(name = "password_policies")
public class PasswordPolicyEntity {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Column(name = "minimum_password_length")
    private int minimumPasswordLength;

    @Column(name = "require_symbols")
    private boolean requireSymbols;

    @Column(name = "require_numbers")
    private boolean requireNumbers;

    @Column(name = "require_uppercase_characters")
    private boolean requireUppercaseCharacters;

    @Column(name = "require_lowercase_characters")
    private boolean requireLowercaseCharacters;

    @Column(name = "allow_users_to_change_password")
    private boolean allowUsersToChangePassword;

    /** Null: passwords never expire. */
    @Column(name = "max_password_age")
    private Integer maxPasswordAge;

    /** Null: earlier passwords may be reused. */
    @Column(name = "password_reuse_prevention")
    private Integer passwordReusePrevention;

    @Column(name = "hard_expiry")
    private Boolean hardExpiry;

    @Version
    @Column(name = "version")
    private long version;

    protected PasswordPolicyEntity() {
    }

    PasswordPolicyEntity(String accountId, PasswordPolicy policy) {
        this.accountId = accountId;
        apply(policy);
    }

    void apply(PasswordPolicy policy) {
        this.minimumPasswordLength = policy.minimumPasswordLength();
        this.requireSymbols = policy.requireSymbols();
        this.requireNumbers = policy.requireNumbers();
        this.requireUppercaseCharacters = policy.requireUppercaseCharacters();
        this.requireLowercaseCharacters = policy.requireLowercaseCharacters();
        this.allowUsersToChangePassword = policy.allowUsersToChangePassword();
        this.maxPasswordAge = policy.maxPasswordAge().orElse(null);
        this.passwordReusePrevention = policy.passwordReusePrevention().orElse(null);
        this.hardExpiry = policy.hardExpiry().orElse(null);
    }

    PasswordPolicy toPolicy() {
        return new PasswordPolicy(minimumPasswordLength, requireSymbols, requireNumbers, requireUppercaseCharacters,
                requireLowercaseCharacters, allowUsersToChangePassword, Optional.ofNullable(maxPasswordAge),
                Optional.ofNullable(passwordReusePrevention), Optional.ofNullable(hardExpiry));
    }
}
