package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.CredentialReport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

@Entity
@Table(name = "credential_reports")
public class CredentialReportEntity {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Column(name = "generated_at")
    private Instant generatedAt;

    @Column(name = "content_gzip")
    private byte[] contentGzip;

    protected CredentialReportEntity() {
    }

    CredentialReportEntity(CredentialReport report) {
        this.accountId = report.account().value();
        replace(report);
    }

    void replace(CredentialReport report) {
        this.generatedAt = report.generated();
        this.contentGzip = gzip(report.csv());
    }

    CredentialReport toReport() {
        return new CredentialReport(new AccountId(accountId), generatedAt, gunzip(contentGzip));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
