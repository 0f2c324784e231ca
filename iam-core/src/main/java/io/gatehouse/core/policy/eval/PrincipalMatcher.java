package io.gatehouse.core.policy.eval;

import io.gatehouse.core.policy.PrincipalElement;
import io.gatehouse.core.policy.PrincipalId;
import java.util.List;

/** A compiled {@code Principal} or {@code NotPrincipal}. */
final class PrincipalMatcher {
    private final PrincipalId[] ids;
    private final boolean not;

    private PrincipalMatcher(List<PrincipalId> ids, boolean not) {
        this.ids = ids.toArray(PrincipalId[]::new);
        this.not = not;
    }

    static PrincipalMatcher compile(PrincipalElement element) {
        return new PrincipalMatcher(element.ids(), element instanceof PrincipalElement.NotPrincipal);
    }

    PrincipalMatch match(RequestPrincipal caller) {
        PrincipalMatch best = PrincipalMatch.NONE;
        for (PrincipalId id : ids) {
            best = best.strongest(matchOne(id, caller));
        }
        if (not) {
            // NotPrincipal applies to everyone it does not list.
            return best == PrincipalMatch.NONE ? PrincipalMatch.EVERYONE : PrincipalMatch.NONE;
        }
        return best;
    }

    private static PrincipalMatch matchOne(PrincipalId id, RequestPrincipal caller) {
        String v = id.value();
        switch (id.type()) {
            case ANY:
                return PrincipalMatch.EVERYONE;
            case AWS:
                if (v.equals("*")) {
                    return PrincipalMatch.EVERYONE;
                }
                if (!isAwsIdentity(caller.kind())) {
                    return PrincipalMatch.NONE;
                }
                if (v.equals(caller.id()) && caller.kind() != PrincipalKind.ROOT) {
                    return PrincipalMatch.EXACT;
                }
                if (caller.roleArn().isPresent() && v.equals(caller.roleArn().get())) {
                    return PrincipalMatch.ROLE;
                }
                if (v.equals(caller.accountId()) || isRootArnOf(v, caller.accountId())) {
                    return PrincipalMatch.ACCOUNT;
                }
                return PrincipalMatch.NONE;
            case SERVICE:
                return caller.kind() == PrincipalKind.SERVICE && (v.equals("*") || v.equals(caller.id()))
                        ? PrincipalMatch.EXACT : PrincipalMatch.NONE;
            case FEDERATED:
                return caller.kind() == PrincipalKind.WEB_IDENTITY && v.equals(caller.id())
                        ? PrincipalMatch.EXACT : PrincipalMatch.NONE;
            default:
                return PrincipalMatch.NONE;
        }
    }

    private static boolean isAwsIdentity(PrincipalKind kind) {
        return kind == PrincipalKind.ROOT || kind == PrincipalKind.USER || kind == PrincipalKind.ASSUMED_ROLE
                || kind == PrincipalKind.FEDERATED_USER;
    }

    /** {@code arn:<partition>:iam::<account>:root}. */
    private static boolean isRootArnOf(String arn, String account) {
        if (!arn.startsWith("arn:") || !arn.endsWith(":root")) {
            return false;
        }
        int iam = arn.indexOf(":iam::");
        return iam > 3 && arn.regionMatches(iam + 6, account, 0, account.length())
                && iam + 6 + account.length() == arn.length() - 5;
    }
}
