package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.CredentialReport;
import io.gatehouse.core.service.CredentialReportService.State;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** GenerateCredentialReport and GetCredentialReport, both authorized on "*" as in AWS. */
final class CredentialReportActions {

    private CredentialReportActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("GenerateCredentialReport", CredentialReportActions::everything, (ctx, xml) -> {
                    State state = ctx.services().credentialReports().generate(ctx.account());
                    xml.element("State", state.name())
                            .element("Description", state == State.STARTED
                                    ? "No report exists. Starting a new report generation task"
                                    : "A report younger than four hours exists and is complete");
                }),
                IamAction.reading("GetCredentialReport", CredentialReportActions::everything, (ctx, xml) -> {
                    CredentialReport report = ctx.services().credentialReports().get(ctx.account());
                    xml.element("Content", Base64.getEncoder().encodeToString(report.csv().getBytes(StandardCharsets.UTF_8)))
                            .element("ReportFormat", "text/csv")
                            .element("GeneratedTime", report.generated());
                }));
    }

    private static Arn everything(ActionContext ctx) {
        return new Arn(Arn.AWS_PARTITION, "iam", "", "", "*");
    }
}
