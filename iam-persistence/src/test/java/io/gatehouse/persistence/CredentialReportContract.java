package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.CredentialReport;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

abstract class CredentialReportContract extends RepositoryContract {

    @Test
    void aLargeReportReadsBackWholeAndANewOneReplacesIt() {
        AccountId account = givenAccount();
        StringBuilder csv = new StringBuilder("user,arn\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("user-").append(i).append(",arn:aws:iam::").append(account).append(":user/user-").append(i)
                    .append(",2026-03-01T10:15:30+00:00,true,no_information,N/A\n");
        }
        CredentialReport big = new CredentialReport(account, T0, csv.toString());
        store.run(r -> r.credentialReports().put(big));
        assertEquals(Optional.of(big), store.inTransaction(r -> r.credentialReports().find(account)));

        CredentialReport newer = new CredentialReport(account, T0.plusSeconds(3600), "user,arn\n");
        store.run(r -> r.credentialReports().put(newer));
        assertEquals(Optional.of(newer), store.inTransaction(r -> r.credentialReports().find(account)));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.credentialReports().find(givenAccount())));
    }
}
