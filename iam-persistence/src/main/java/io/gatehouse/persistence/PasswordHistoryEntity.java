package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** The hash of a password a user had; written once. seq orders passwords set in the same instant. */
@Entity
@Immutable
@Table(name = "password_history")
public class PasswordHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    private Long seq;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "set_date")
    private Instant setDate;

    protected PasswordHistoryEntity() {
    }

    PasswordHistoryEntity(String userId, String passwordHash, Instant setDate) {
        this.userId = userId;
        this.passwordHash = passwordHash;
        this.setDate = setDate;
    }
}
