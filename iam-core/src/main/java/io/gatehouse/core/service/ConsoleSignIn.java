package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.LoginProfile;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.identity.VirtualMfaDevice;
import io.gatehouse.core.port.LoginProfileRepository;
import io.gatehouse.core.port.MfaDeviceRepository;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.UserRepository;

import java.util.Optional;

/**
 * An IAM user's console sign-in: account, user name and password, and the code of the user's MFA
 * device when one is enabled. Every failure reads the same, as AWS's console words it, so a
 * stranger learns nothing about which part was wrong; an unknown user costs a hash like a known one.
 */
public final class ConsoleSignIn {

    static final String FAILED = "Your authentication information is incorrect. Please try again.";
    /** Verified when the user does not exist, so that case takes as long as a wrong password. */
    private static final String DECOY = new PasswordHasher().hash("decoy".toCharArray());

    private final UserRepository users;
    private final LoginProfileRepository profiles;
    private final MfaDeviceRepository devices;
    private final MfaService mfa;
    private final PasswordHasher hasher;

    public ConsoleSignIn(UserRepository users, LoginProfileRepository profiles, MfaDeviceRepository devices,
                         MfaService mfa, PasswordHasher hasher) {
        this.users = users;
        this.profiles = profiles;
        this.devices = devices;
        this.mfa = mfa;
        this.hasher = hasher;
    }

    public Caller signIn(AccountId account, String userName, String password, Optional<String> mfaCode) {
        Constraint.EXISTING_USER_NAME.check("userName", userName);
        Constraint.PASSWORD.checkSecret("password", password);
        Optional<User> user = users.findByName(account, userName);
        Optional<LoginProfile> profile = user.flatMap(u -> profiles.find(u.userId()));
        boolean matches = hasher.verify(password.toCharArray(), profile.map(LoginProfile::passwordHash).orElse(DECOY));
        if (!matches || profile.isEmpty()) {
            throw IamException.accessDenied(FAILED);
        }
        Caller caller = Caller.user(user.get(), "");
        Optional<VirtualMfaDevice> device = devices.listForUser(account, user.get().userId(), PageRequest.first(8))
                .items().stream().filter(VirtualMfaDevice::isAssigned).findFirst();
        if (device.isPresent()) {
            mfa.authenticate(caller, device.get().serialNumber(), mfaCode.orElseThrow(() -> IamException.accessDenied(
                    "Your account is protected by MFA: an MFA code is required to sign in.")));
        }
        return caller;
    }
}
