package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.service.IdentityProviderService;
import io.gatehouse.core.service.IdentityProviderService.NewOpenIdConnectProvider;

import java.util.List;

/**
 * The SAML provider actions (Create/Get/Update/Delete/ListSAMLProviders, their tags) and the
 * OpenID Connect provider actions (Create/Get/Delete/ListOpenIDConnectProviders, client ids,
 * thumbprints, their tags), each authorized as {@code iam:<Action>} on the provider's ARN.
 */
final class IdentityProviderActions {

    private static final String SAML_ARN = "SAMLProviderArn";
    private static final String OIDC_ARN = "OpenIDConnectProviderArn";

    private IdentityProviderActions() {
    }

    static List<IamAction> all() {
        return java.util.stream.Stream.concat(saml().stream(), oidc().stream()).toList();
    }

    private static List<IamAction> saml() {
        return List.of(
                IamAction.changing("CreateSAMLProvider", ctx -> SamlProvider.arn(ctx.account(),
                        ctx.params().required("Name")), (ctx, xml) -> {
                    SamlProvider provider = service(ctx).createSamlProvider(ctx.account(),
                            ctx.params().required("Name"), ctx.params().required("SAMLMetadataDocument"),
                            ctx.params().tags("Tags"));
                    xml.element(SAML_ARN, provider.arn().toString());
                    Shapes.tags(xml, provider.tags());
                }),
                IamAction.reading("GetSAMLProvider", ctx -> named(ctx, SAML_ARN), (ctx, xml) -> {
                    SamlProvider provider = saml(ctx);
                    xml.element("SAMLProviderUUID", provider.uuid())
                            .element("SAMLMetadataDocument", provider.metadataDocument())
                            .element("CreateDate", provider.createDate())
                            .element("ValidUntil", provider.validUntil());
                    Shapes.tags(xml, provider.tags());
                }),
                IamAction.changing("UpdateSAMLProvider", ctx -> named(ctx, SAML_ARN), (ctx, xml) -> {
                    SamlProvider provider = service(ctx).updateSamlProvider(ctx.account(),
                            ctx.params().required(SAML_ARN), ctx.params().required("SAMLMetadataDocument"));
                    xml.element(SAML_ARN, provider.arn().toString());
                }),
                IamAction.changing("DeleteSAMLProvider", ctx -> named(ctx, SAML_ARN), (ctx, xml) ->
                        service(ctx).deleteSamlProvider(ctx.account(), ctx.params().required(SAML_ARN))),
                IamAction.reading("ListSAMLProviders", IdentityProviderActions::anyProvider, (ctx, xml) -> {
                    xml.start("SAMLProviderList");
                    service(ctx).samlProviders(ctx.account()).forEach(provider -> xml.start("member")
                            .element("Arn", provider.arn().toString())
                            .element("ValidUntil", provider.validUntil())
                            .element("CreateDate", provider.createDate())
                            .end());
                    xml.end();
                }),
                IamAction.changing("TagSAMLProvider", ctx -> named(ctx, SAML_ARN), (ctx, xml) ->
                        service(ctx).tagSamlProvider(ctx.account(), ctx.params().required(SAML_ARN),
                                UserActions.requiredTags(ctx))),
                IamAction.changing("UntagSAMLProvider", ctx -> named(ctx, SAML_ARN), (ctx, xml) ->
                        service(ctx).untagSamlProvider(ctx.account(), ctx.params().required(SAML_ARN),
                                UserActions.requiredTagKeys(ctx))),
                IamAction.reading("ListSAMLProviderTags", ctx -> named(ctx, SAML_ARN), (ctx, xml) ->
                        UserActions.tagPage(xml, saml(ctx).tags(), ctx.params().page())));
    }

    private static List<IamAction> oidc() {
        return List.of(
                IamAction.changing("CreateOpenIDConnectProvider", ctx -> OpenIdConnectProvider.arn(ctx.account(),
                        IdentityProviderService.url(ctx.params().required("Url"))), (ctx, xml) -> {
                    OpenIdConnectProvider provider = service(ctx).createOpenIdConnectProvider(ctx.account(),
                            new NewOpenIdConnectProvider(ctx.params().required("Url"),
                                    ctx.params().list("ClientIDList"), ctx.params().list("ThumbprintList"),
                                    ctx.params().tags("Tags")));
                    xml.element(OIDC_ARN, provider.arn().toString());
                    Shapes.tags(xml, provider.tags());
                }),
                IamAction.reading("GetOpenIDConnectProvider", ctx -> named(ctx, OIDC_ARN), (ctx, xml) -> {
                    OpenIdConnectProvider provider = oidc(ctx);
                    // AWS shows the URL as it appears in the ARN, without its scheme.
                    xml.element("Url", provider.url().withoutScheme());
                    members(xml, "ClientIDList", provider.clientIds());
                    members(xml, "ThumbprintList", provider.thumbprints());
                    xml.element("CreateDate", provider.createDate());
                    Shapes.tags(xml, provider.tags());
                }),
                IamAction.changing("AddClientIDToOpenIDConnectProvider", ctx -> named(ctx, OIDC_ARN), (ctx, xml) ->
                        service(ctx).addClientId(ctx.account(), ctx.params().required(OIDC_ARN),
                                ctx.params().required("ClientID"))),
                IamAction.changing("RemoveClientIDFromOpenIDConnectProvider", ctx -> named(ctx, OIDC_ARN),
                        (ctx, xml) -> service(ctx).removeClientId(ctx.account(), ctx.params().required(OIDC_ARN),
                                ctx.params().required("ClientID"))),
                IamAction.changing("UpdateOpenIDConnectProviderThumbprint", ctx -> named(ctx, OIDC_ARN),
                        (ctx, xml) -> service(ctx).updateThumbprints(ctx.account(), ctx.params().required(OIDC_ARN),
                                thumbprints(ctx))),
                IamAction.changing("DeleteOpenIDConnectProvider", ctx -> named(ctx, OIDC_ARN), (ctx, xml) ->
                        service(ctx).deleteOpenIdConnectProvider(ctx.account(), ctx.params().required(OIDC_ARN))),
                IamAction.reading("ListOpenIDConnectProviders", IdentityProviderActions::anyProvider, (ctx, xml) -> {
                    xml.start("OpenIDConnectProviderList");
                    service(ctx).openIdConnectProviders(ctx.account()).forEach(provider -> xml.start("member")
                            .element("Arn", provider.arn().toString()).end());
                    xml.end();
                }),
                IamAction.changing("TagOpenIDConnectProvider", ctx -> named(ctx, OIDC_ARN), (ctx, xml) ->
                        service(ctx).tagOpenIdConnectProvider(ctx.account(), ctx.params().required(OIDC_ARN),
                                UserActions.requiredTags(ctx))),
                IamAction.changing("UntagOpenIDConnectProvider", ctx -> named(ctx, OIDC_ARN), (ctx, xml) ->
                        service(ctx).untagOpenIdConnectProvider(ctx.account(), ctx.params().required(OIDC_ARN),
                                UserActions.requiredTagKeys(ctx))),
                IamAction.reading("ListOpenIDConnectProviderTags", ctx -> named(ctx, OIDC_ARN), (ctx, xml) ->
                        UserActions.tagPage(xml, oidc(ctx).tags(), ctx.params().page())));
    }

    private static IdentityProviderService service(ActionContext ctx) {
        return ctx.services().identityProviders();
    }

    private static SamlProvider saml(ActionContext ctx) {
        return service(ctx).samlProvider(ctx.account(), ctx.params().required(SAML_ARN));
    }

    private static OpenIdConnectProvider oidc(ActionContext ctx) {
        return service(ctx).openIdConnectProvider(ctx.account(), ctx.params().required(OIDC_ARN));
    }

    /** The provider the request names: authorized against that ARN whether or not it exists. */
    private static Arn named(ActionContext ctx, String parameter) {
        return IdentityProviderService.providerArn(parameter, ctx.params().required(parameter));
    }

    /** The list actions name no provider: AWS authorizes them against "*". */
    private static Arn anyProvider(ActionContext ctx) {
        return new Arn(Arn.AWS_PARTITION, "iam", "", ctx.account().value(), "*");
    }

    /** A required list that may be sent empty ({@code ThumbprintList=}), which clears it. */
    private static List<String> thumbprints(ActionContext ctx) {
        List<String> thumbprints = ctx.params().list("ThumbprintList");
        if (thumbprints.isEmpty()) {
            ctx.params().required("ThumbprintList");
        }
        return thumbprints;
    }

    private static void members(XmlWriter xml, String element, List<String> values) {
        xml.start(element);
        values.forEach(value -> xml.element("member", value));
        xml.end();
    }
}
