package io.gatehouse.persistence;

import io.gatehouse.core.identity.LoginProfile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "login_profiles")
public class LoginProfileEntity {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "create_date")
    private Instant createDate;

    @Column(name = "password_last_changed")
    private Instant passwordLastChanged;

    @Column(name = "password_reset_required")
    private boolean passwordResetRequired;

    @Version
    @Column(name = "version")
    private long version;

    protected LoginProfileEntity() {
    }

    LoginProfileEntity(LoginProfile profile) {
        this.userId = profile.userId();
        this.createDate = profile.createDate();
        apply(profile);
    }

    void apply(LoginProfile profile) {
        this.passwordHash = profile.passwordHash();
        this.passwordLastChanged = profile.passwordLastChanged();
        this.passwordResetRequired = profile.passwordResetRequired();
    }

    LoginProfile toProfile() {
        return new LoginProfile(userId, passwordHash, createDate, passwordLastChanged, passwordResetRequired);
    }
}
