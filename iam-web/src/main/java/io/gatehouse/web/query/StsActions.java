package io.gatehouse.web.query;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.service.AuthorizationMessages;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RootAccess;
import io.gatehouse.core.service.SecurityTokenService;
import io.gatehouse.core.sts.AssumeRoleRequest;
import io.gatehouse.core.sts.AssumeRoleRequest.MfaCode;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS STS's Query API (version 2011-06-15, SigV4 service {@code sts}): GetCallerIdentity,
 * AssumeRole, GetSessionToken, GetFederationToken, AssumeRoot and DecodeAuthorizationMessage. Issuing credentials is audited, as
 * CloudTrail records it; the secret and session token never are.
 */
public final class StsActions implements QueryApi {

    public static final String VERSION = "2011-06-15";
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final SecurityTokenService sts;
    private final RootAccess rootAccess;
    private final Optional<AuthorizationMessages> authorizationMessages;
    private final Map<String, IamAction> byName = new HashMap<>();
    private final Map<String, UnsignedAction> unsigned = new HashMap<>();

    /** @param unsignedActions the actions AWS runs without a signature (AssumeRoleWithSAML and kin) */
    public StsActions(SecurityTokenService sts, RootAccess rootAccess, List<UnsignedAction> unsignedActions) {
        this(sts, rootAccess, Optional.empty(), unsignedActions);
    }

    public StsActions(SecurityTokenService sts, RootAccess rootAccess,
                      Optional<AuthorizationMessages> authorizationMessages, List<UnsignedAction> unsignedActions) {
        this.sts = sts;
        this.rootAccess = rootAccess;
        this.authorizationMessages = authorizationMessages;
        unsignedActions.forEach(action -> unsigned.put(action.name(), action));
        for (IamAction action : List.of(
                IamAction.authorizedByService("GetCallerIdentity", IamAction.Kind.READING, StsActions::getCallerIdentity),
                IamAction.authorizedByService("AssumeRole", IamAction.Kind.ISSUING, this::assumeRole),
                IamAction.authorizedByService("GetSessionToken", IamAction.Kind.ISSUING, this::getSessionToken),
                IamAction.authorizedByService("GetFederationToken", IamAction.Kind.ISSUING, this::getFederationToken),
                IamAction.authorizedByService("AssumeRoot", IamAction.Kind.ISSUING, this::assumeRoot),
                IamAction.authorizedByService("DecodeAuthorizationMessage", IamAction.Kind.READING,
                        this::decodeAuthorizationMessage))) {
            byName.put(action.name(), action);
        }
    }

    @Override
    public String service() {
        return "sts";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public IamAction find(String name) {
        IamAction action = byName.get(name);
        if (action == null) {
            throw new IamException(ErrorCode.INVALID_ACTION, "Could not find operation " + name + " for version " + VERSION);
        }
        return action;
    }

    /** The action by this name if AWS runs it without a signature (the request carries its own credential). */
    public Optional<UnsignedAction> unsigned(String name) {
        return Optional.ofNullable(unsigned.get(name));
    }

    /** AWS answers GetCallerIdentity for every authenticated caller: no permission is needed, none can deny it. */
    private static void getCallerIdentity(ActionContext ctx, XmlWriter xml) {
        Caller caller = ctx.caller();
        xml.element("UserId", caller.principalId())
                .element("Account", caller.account().value())
                .element("Arn", caller.arn().toString());
    }

    private void assumeRole(ActionContext ctx, XmlWriter xml) {
        QueryParameters p = ctx.params();
        Optional<MfaCode> mfa = p.optional("SerialNumber")
                .map(serial -> new MfaCode(serial, p.required("TokenCode")));
        AssumeRoleRequest request = new AssumeRoleRequest(p.required("RoleArn"), p.required("RoleSessionName"),
                p.optionalInt("DurationSeconds"), sessionPolicies(p), p.tags("Tags"), p.list("TransitiveTagKeys"),
                p.optional("ExternalId"), mfa, p.optional("SourceIdentity"));
        IssuedSession issued = sts.assumeRole(ctx.caller(), request, ctx.facts());
        SessionPrincipal principal = issued.session().principal();
        issued.session().sourceIdentity().ifPresent(identity -> xml.element("SourceIdentity", identity));
        xml.start("AssumedRoleUser")
                .element("AssumedRoleId", principal.principalId())
                .element("Arn", principal.arn().toString())
                .end();
        credentials(xml, issued);
        xml.element("PackedPolicySize", Integer.toString(issued.packedPolicySize()));
    }

    private void getSessionToken(ActionContext ctx, XmlWriter xml) {
        QueryParameters p = ctx.params();
        Optional<MfaCode> mfa = p.optional("SerialNumber")
                .map(serial -> new MfaCode(serial, p.required("TokenCode")));
        credentials(xml, sts.getSessionToken(ctx.caller(), p.optionalInt("DurationSeconds"), mfa));
    }

    private void getFederationToken(ActionContext ctx, XmlWriter xml) {
        QueryParameters p = ctx.params();
        IssuedSession issued = sts.getFederationToken(ctx.caller(), p.required("Name"), p.optionalInt("DurationSeconds"),
                sessionPolicies(p), p.tags("Tags"), ctx.facts());
        SessionPrincipal principal = issued.session().principal();
        credentials(xml, issued);
        xml.start("FederatedUser")
                .element("FederatedUserId", principal.principalId())
                .element("Arn", principal.arn().toString())
                .end();
        xml.element("PackedPolicySize", Integer.toString(issued.packedPolicySize()));
    }

    /** TaskPolicyArn is a PolicyDescriptorType: its one member, {@code arn}, names the task policy. */
    private void assumeRoot(ActionContext ctx, XmlWriter xml) {
        QueryParameters p = ctx.params();
        IssuedSession issued = rootAccess.assumeRoot(ctx.caller(), p.required("TargetPrincipal"),
                p.required("TaskPolicyArn.arn"), p.optionalInt("DurationSeconds"), ctx.facts());
        credentials(xml, issued);
        issued.session().sourceIdentity().ifPresent(identity -> xml.element("SourceIdentity", identity));
    }

    private void decodeAuthorizationMessage(ActionContext ctx, XmlWriter xml) {
        AuthorizationMessages messages = authorizationMessages.orElseThrow(() -> new IamException(
                ErrorCode.INVALID_ACTION, "Could not find operation DecodeAuthorizationMessage for version " + VERSION));
        xml.element("DecodedMessage", messages.decode(ctx.caller(), ctx.params().required("EncodedMessage"),
                ctx.facts()));
    }

    static SessionPolicies sessionPolicies(QueryParameters p) {
        List<String> arns = new ArrayList<>();
        for (int i = 1; p.optional("PolicyArns.member." + i + ".arn").isPresent(); i++) {
            arns.add(p.required("PolicyArns.member." + i + ".arn"));
        }
        return new SessionPolicies(p.optional("Policy"), arns);
    }

    static void credentials(XmlWriter xml, IssuedSession issued) {
        xml.start("Credentials")
                .element("AccessKeyId", issued.session().accessKeyId())
                .element("SecretAccessKey", issued.session().secretAccessKey())
                .element("SessionToken", issued.sessionToken())
                .element("Expiration", issued.session().expiration())
                .end();
    }
}
