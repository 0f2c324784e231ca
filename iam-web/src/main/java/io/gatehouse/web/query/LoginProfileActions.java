package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.LoginProfile;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.AccountRepository;

import java.util.List;
import java.util.Optional;

/**
 * Console passwords and the account password policy: CreateLoginProfile, GetLoginProfile,
 * UpdateLoginProfile, DeleteLoginProfile, ChangePassword, UpdateAccountPasswordPolicy,
 * GetAccountPasswordPolicy, DeleteAccountPasswordPolicy. No response ever carries a password.
 */
final class LoginProfileActions {

    private LoginProfileActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.changing("CreateLoginProfile", LoginProfileActions::userOrRoot, (ctx, xml) -> {
                    if (forRoot(ctx)) {
                        rootLoginProfile(xml, ctx.services().loginProfiles().root().create(ctx.caller(),
                                ctx.params().required("Password")));
                        return;
                    }
                    String userName = ctx.params().required("UserName");
                    LoginProfile profile = ctx.services().loginProfiles().create(ctx.account(), userName,
                            ctx.params().required("Password"), bool(ctx, "PasswordResetRequired").orElse(false));
                    loginProfile(xml, displayName(ctx, userName), profile);
                }),
                IamAction.reading("GetLoginProfile", LoginProfileActions::userOrRoot, (ctx, xml) -> {
                    if (forRoot(ctx)) {
                        rootLoginProfile(xml, ctx.services().loginProfiles().root().get(ctx.caller()));
                        return;
                    }
                    String userName = ctx.params().required("UserName");
                    LoginProfile profile = ctx.services().loginProfiles().get(ctx.account(), userName);
                    loginProfile(xml, displayName(ctx, userName), profile);
                }),
                IamAction.changing("UpdateLoginProfile", UserActions::namedUser, (ctx, xml) ->
                        ctx.services().loginProfiles().update(ctx.account(), ctx.params().required("UserName"),
                                ctx.params().optional("Password"), bool(ctx, "PasswordResetRequired"))),
                IamAction.changing("DeleteLoginProfile", LoginProfileActions::userOrRoot, (ctx, xml) -> {
                    if (forRoot(ctx)) {
                        ctx.services().loginProfiles().root().delete(ctx.caller());
                    } else {
                        ctx.services().loginProfiles().delete(ctx.account(), ctx.params().required("UserName"));
                    }
                }),
                // The caller's own ARN: the authorizer lets users change their own password when the policy allows it.
                IamAction.changing("ChangePassword", ctx -> ctx.caller().arn(), (ctx, xml) ->
                        ctx.services().loginProfiles().changePassword(ctx.caller(),
                                ctx.params().required("OldPassword"), ctx.params().required("NewPassword"))),
                IamAction.changing("UpdateAccountPasswordPolicy", LoginProfileActions::account, (ctx, xml) ->
                        ctx.services().passwordPolicies().update(ctx.account(), policy(ctx))),
                IamAction.reading("GetAccountPasswordPolicy", LoginProfileActions::account, (ctx, xml) ->
                        passwordPolicy(xml, ctx.services().passwordPolicies().get(ctx.account()))),
                IamAction.changing("DeleteAccountPasswordPolicy", LoginProfileActions::account, (ctx, xml) ->
                        ctx.services().passwordPolicies().delete(ctx.account())));
    }

    /**
     * Without UserName, an AssumeRoot task session acts on the root user's own password (AWS);
     * every other caller still names a user.
     */
    private static boolean forRoot(ActionContext ctx) {
        return ctx.params().optional("UserName").isEmpty() && ctx.caller().rootTask().isPresent();
    }

    private static Arn userOrRoot(ActionContext ctx) {
        return forRoot(ctx) ? Arn.accountRoot(ctx.account()) : UserActions.namedUser(ctx);
    }

    private static void rootLoginProfile(XmlWriter xml, AccountRepository.RootLoginProfile profile) {
        xml.start("LoginProfile")
                .element("CreateDate", profile.createDate())
                .element("PasswordResetRequired", false)
                .end();
    }

    /** Account-wide settings are authorized against the account's resource, as AWS lists them ("*"). */
    private static Arn account(ActionContext ctx) {
        return Arn.accountRoot(ctx.account());
    }

    /** Every setting the request leaves out takes its default: AWS replaces the whole policy. */
    private static PasswordPolicy policy(ActionContext ctx) {
        return new PasswordPolicy(
                ctx.params().optionalInt("MinimumPasswordLength").orElse(PasswordPolicy.DEFAULT_MINIMUM_LENGTH),
                bool(ctx, "RequireSymbols").orElse(false),
                bool(ctx, "RequireNumbers").orElse(false),
                bool(ctx, "RequireUppercaseCharacters").orElse(false),
                bool(ctx, "RequireLowercaseCharacters").orElse(false),
                bool(ctx, "AllowUsersToChangePassword").orElse(false),
                ctx.params().optionalInt("MaxPasswordAge").filter(days -> days != 0),
                ctx.params().optionalInt("PasswordReusePrevention").filter(count -> count != 0),
                bool(ctx, "HardExpiry"));
    }

    private static void loginProfile(XmlWriter xml, String userName, LoginProfile profile) {
        xml.start("LoginProfile")
                .element("UserName", userName)
                .element("CreateDate", profile.createDate())
                .element("PasswordResetRequired", profile.passwordResetRequired())
                .end();
    }

    private static void passwordPolicy(XmlWriter xml, PasswordPolicy policy) {
        xml.start("PasswordPolicy")
                .element("MinimumPasswordLength", Integer.toString(policy.minimumPasswordLength()))
                .element("RequireSymbols", policy.requireSymbols())
                .element("RequireNumbers", policy.requireNumbers())
                .element("RequireUppercaseCharacters", policy.requireUppercaseCharacters())
                .element("RequireLowercaseCharacters", policy.requireLowercaseCharacters())
                .element("AllowUsersToChangePassword", policy.allowUsersToChangePassword())
                .element("ExpirePasswords", policy.expirePasswords());
        policy.maxPasswordAge().ifPresent(days -> xml.element("MaxPasswordAge", Integer.toString(days)));
        policy.passwordReusePrevention().ifPresent(count -> xml.element("PasswordReusePrevention", Integer.toString(count)));
        policy.hardExpiry().ifPresent(hard -> xml.element("HardExpiry", hard));
        xml.end();
    }

    /** The user's name as stored (names match case-insensitively). */
    private static String displayName(ActionContext ctx, String userName) {
        return ctx.services().userRepository().findByName(ctx.account(), userName).map(User::name).orElse(userName);
    }

    private static Optional<Boolean> bool(ActionContext ctx, String name) {
        return ctx.params().optionalBoolean(name);
    }
}
