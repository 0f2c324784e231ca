package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;

import java.util.List;
import java.util.Map;

/** CreateAccountAlias, ListAccountAliases, DeleteAccountAlias and GetAccountSummary. */
final class AccountActions {

    private AccountActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreateAccountAlias", AccountActions::wholeAccount, (ctx, xml) ->
                        ctx.services().account().createAlias(ctx.account(), ctx.params().required("AccountAlias"))),
                IamAction.reading("ListAccountAliases", AccountActions::wholeAccount, (ctx, xml) -> {
                    ctx.params().page(); // Validates MaxItems and Marker; an account has at most one alias.
                    xml.start("AccountAliases");
                    ctx.services().account().listAliases(ctx.account()).forEach(alias -> xml.element("member", alias));
                    xml.end().element("IsTruncated", false);
                }),
                IamAction.changing("DeleteAccountAlias", AccountActions::wholeAccount, (ctx, xml) ->
                        ctx.services().account().deleteAlias(ctx.account(), ctx.params().required("AccountAlias"))),
                IamAction.reading("GetAccountSummary", AccountActions::wholeAccount, (ctx, xml) -> {
                    xml.start("SummaryMap");
                    for (Map.Entry<String, Integer> entry : ctx.services().account().summary(ctx.account()).entrySet()) {
                        xml.start("entry").element("key", entry.getKey())
                                .element("value", Integer.toString(entry.getValue())).end();
                    }
                    xml.end();
                }));
    }

    /** These actions name no IAM resource: AWS authorizes them against "*". */
    private static Arn wholeAccount(ActionContext ctx) {
        return new Arn(Arn.AWS_PARTITION, "iam", "", ctx.account().value(), "*");
    }
}
