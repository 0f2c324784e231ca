package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyLastUsed;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.CredentialReport;
import io.gatehouse.core.identity.LoginProfile;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.identity.SigningCertificate;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.identity.VirtualMfaDevice;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.CredentialReportRepository;
import io.gatehouse.core.port.LoginProfileRepository;
import io.gatehouse.core.port.MfaDeviceRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PasswordPolicyRepository;
import io.gatehouse.core.port.SigningCertificateRepository;
import io.gatehouse.core.port.UserRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * GenerateCredentialReport and GetCredentialReport: one CSV row per IAM user and one for the root
 * user, with AWS's columns and values ({@code N/A} where a credential does not exist,
 * {@code no_information} where Gatehouse does not record it, {@code not_supported} for the root
 * user's password, which IAM does not manage). Reports are reused for four hours, as AWS does.
 */
public final class CredentialReportService {

    public static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,"
            + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "access_key_2_last_used_region,access_key_2_last_used_service,"
            + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    /** AWS's: a report older than four hours has expired, and a younger one is reused. */
    public static final Duration LIFETIME = Duration.ofHours(4);
    static final String ROOT = "<root_account>";
    static final String NA = "N/A";
    /** Console sign-ins are not recorded yet, so a password's last use is unknown. */
    static final String NO_INFORMATION = "no_information";
    static final String NOT_SUPPORTED = "not_supported";

    /** GenerateCredentialReport's answer. */
    public enum State { STARTED, INPROGRESS, COMPLETE }

    private final CredentialReportRepository reports;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final LoginProfileRepository profiles;
    private final MfaDeviceRepository devices;
    private final AccessKeyRepository keys;
    private final SigningCertificateRepository certificates;
    private final PasswordPolicyRepository passwordPolicies;
    private final Clock clock;
    private final Duration reuse;

    public CredentialReportService(CredentialReportRepository reports, AccountRepository accounts, UserRepository users,
                                   LoginProfileRepository profiles, MfaDeviceRepository devices, AccessKeyRepository keys,
                                   SigningCertificateRepository certificates, PasswordPolicyRepository passwordPolicies,
                                   Clock clock, Duration reuse) {
        this.reports = reports;
        this.accounts = accounts;
        this.users = users;
        this.profiles = profiles;
        this.devices = devices;
        this.keys = keys;
        this.certificates = certificates;
        this.passwordPolicies = passwordPolicies;
        this.clock = clock;
        this.reuse = reuse;
    }

    /**
     * A fresh report unless one younger than the reuse period (AWS: four hours) exists. The report is made within this
     * call, so it is complete at once; STARTED says a new one was made, as AWS's first answer does.
     */
    public State generate(AccountId account) {
        Instant now = clock.instant();
        if (reports.find(account).filter(r -> r.generated().plus(reuse).isAfter(now)).isPresent()) {
            return State.COMPLETE;
        }
        reports.put(new CredentialReport(account, now, csv(account, now)));
        return State.STARTED;
    }

    public CredentialReport get(AccountId account) {
        CredentialReport report = reports.find(account).orElseThrow(() -> new IamException(ErrorCode.REPORT_NOT_PRESENT,
                "Credential report not present. Call GenerateCredentialReport first."));
        if (!report.generated().plus(LIFETIME).isAfter(clock.instant())) {
            throw new IamException(ErrorCode.REPORT_EXPIRED,
                    "The credential report has expired. To generate a new report, call GenerateCredentialReport.");
        }
        return report;
    }

    String csv(AccountId account, Instant now) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        Account owner = accounts.find(account).orElseThrow();
        csv.append(root(owner)).append('\n');
        Optional<PasswordPolicy> policy = passwordPolicies.find(account);
        Optional<String> marker = Optional.empty();
        do {
            Page<User> page = users.list(account, "/", new PageRequest(marker, 1000));
            for (User user : page.items()) {
                csv.append(row(user, policy)).append('\n');
            }
            marker = page.nextMarker();
        } while (marker.isPresent());
        return csv.toString();
    }

    private String root(Account account) {
        List<String> cells = new ArrayList<>(List.of(ROOT, Arn.accountRoot(account.id()).toString(),
                time(account.createDate()), NOT_SUPPORTED, NO_INFORMATION, NOT_SUPPORTED, NOT_SUPPORTED, "false"));
        keyCells(keys.listFor(account.id(), Optional.empty()), cells);
        certificateCells(certificates.listFor(account.id(), Optional.empty()), cells);
        return String.join(",", cells);
    }

    private String row(User user, Optional<PasswordPolicy> policy) {
        Optional<LoginProfile> profile = profiles.find(user.userId());
        List<String> cells = new ArrayList<>(List.of(user.name(), user.arn().toString(), time(user.createDate()),
                Boolean.toString(profile.isPresent()),
                profile.isPresent() ? NO_INFORMATION : NA,
                profile.map(p -> time(p.passwordLastChanged())).orElse(NA),
                profile.flatMap(p -> policy.flatMap(PasswordPolicy::maxPasswordAge)
                        .map(days -> time(p.passwordLastChanged().plus(Duration.ofDays(days))))).orElse(NA),
                Boolean.toString(devices.listForUser(user.account(), user.userId(), PageRequest.first(8)).items()
                        .stream().anyMatch(VirtualMfaDevice::isAssigned))));
        keyCells(keys.listFor(user.account(), Optional.of(user.userId())), cells);
        certificateCells(certificates.listFor(user.account(), Optional.of(user.userId())), cells);
        return String.join(",", cells);
    }

    /** Two key slots, oldest key first; an empty slot reads false and N/A. */
    private void keyCells(List<AccessKey> all, List<String> cells) {
        List<AccessKey> sorted = all.stream().sorted(Comparator.comparing(AccessKey::createDate)).toList();
        for (int slot = 0; slot < 2; slot++) {
            if (slot >= sorted.size()) {
                cells.addAll(List.of("false", NA, NA, NA, NA));
                continue;
            }
            AccessKey key = sorted.get(slot);
            Optional<AccessKeyLastUsed> used = keys.lastUsed(key.accessKeyId());
            cells.add(Boolean.toString(key.status() == AccessKeyStatus.Active));
            cells.add(time(key.createDate()));
            cells.add(used.map(u -> time(u.lastUsedDate())).orElse(NA));
            cells.add(used.map(AccessKeyLastUsed::region).orElse(NA));
            cells.add(used.map(AccessKeyLastUsed::serviceName).orElse(NA));
        }
    }

    private static void certificateCells(List<SigningCertificate> all, List<String> cells) {
        List<SigningCertificate> sorted = all.stream().sorted(Comparator.comparing(SigningCertificate::uploadDate)).toList();
        for (int slot = 0; slot < 2; slot++) {
            if (slot >= sorted.size()) {
                cells.addAll(List.of("false", NA));
            } else {
                cells.add(Boolean.toString(sorted.get(slot).status() == AccessKeyStatus.Active));
                cells.add(time(sorted.get(slot).uploadDate()));
            }
        }
    }

    /** AWS's report times: ISO 8601 with an offset, to the second. */
    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)
                .atOffset(java.time.ZoneOffset.UTC));
    }
}
