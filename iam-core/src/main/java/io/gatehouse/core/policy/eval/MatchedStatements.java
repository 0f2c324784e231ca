package io.gatehouse.core.policy.eval;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The statements that applied to one request, collected while evaluating and then handed out as
 * the decision's read-only list. It also carries what the evaluator needs to know about them, so
 * that a decision where nothing applied allocates nothing at all. Not shared until complete.
 */
final class MatchedStatements extends AbstractList<MatchedStatement> implements RandomAccess {
    private MatchedStatement[] items = new MatchedStatement[4];
    private int size;
    /** Bit {@code 1 << PolicyType.ordinal()} per policy type with an applicable deny / allow. */
    int denies;
    int allows;
    /** The most specific way an applicable resource-policy allow named the caller. */
    PrincipalMatch resourceAllowMatch = PrincipalMatch.NONE;

    void add(CompiledStatement statement, PrincipalMatch match) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = statement.explanation;
        int bit = 1 << statement.explanation.policyType().ordinal();
        if (statement.deny) {
            denies |= bit;
        } else {
            allows |= bit;
            if (statement.explanation.policyType() == PolicyType.RESOURCE) {
                resourceAllowMatch = resourceAllowMatch.strongest(match);
            }
        }
    }

    boolean allows(PolicyType type) {
        return (allows & (1 << type.ordinal())) != 0;
    }

    @Override
    public MatchedStatement get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
