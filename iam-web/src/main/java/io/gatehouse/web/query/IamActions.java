package io.gatehouse.web.query;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every action of the IAM Query API, by name. */
public final class IamActions implements QueryApi {

    public static final String VERSION = "2010-05-08";
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final Map<String, IamAction> byName = new HashMap<>();

    public IamActions() {
        Stream.of(UserActions.all(), GroupActions.all(), AccessKeyActions.all(), LoginProfileActions.all(),
                        MfaActions.all(), SigningCertificateActions.all(), RoleActions.all(),
                        InstanceProfileActions.all(), AccountActions.all(), InlinePolicyActions.all(),
                        ManagedPolicyActions.all(), PolicyAttachmentActions.all(), SimulatorActions.all(),
                        AuthorizationDetailsActions.all(), CredentialReportActions.all(),
                        IdentityProviderActions.all())
                .flatMap(List::stream)
                .forEach(action -> {
                    if (byName.put(action.name(), action) != null) {
                        throw new IllegalStateException("Action defined twice: " + action.name());
                    }
                });
    }

    @Override
    public String service() {
        return "iam";
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
            throw new IamException(ErrorCode.INVALID_ACTION,
                    "Could not find operation " + name + " for version " + VERSION);
        }
        return action;
    }
}
