package io.gatehouse.federation.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import io.gatehouse.core.error.IamException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The breadth-first walk from a user's own groups to the groups those belong to, and so on. A group
 * seen before is not followed again (directories do hold cycles), nesting deeper than
 * {@link #MAX_DEPTH} does not count as membership, and more than {@link #MAX_GROUPS} groups refuse
 * the sign-in: a list cut short at an arbitrary point could drop a group a rule depends on.
 */
final class GroupWalk {

    static final int MAX_DEPTH = 10;
    static final int MAX_GROUPS = 1000;

    /** The groups that list {@code member} as a member. */
    @FunctionalInterface
    interface ParentGroups {
        List<DN> of(DN member) throws LDAPException;
    }

    private final DN base;
    private final ParentGroups parents;

    GroupWalk(DN base, ParentGroups parents) {
        this.base = base;
        this.parents = parents;
    }

    /** Every group reachable from {@code direct}, nearest first; groups outside the base are ignored. */
    List<DN> from(List<DN> direct) throws LDAPException {
        Set<DN> seen = new LinkedHashSet<>();
        List<DN> level = admit(direct, seen);
        for (int depth = 1; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<DN> next = new ArrayList<>();
            for (DN group : level) {
                next.addAll(admit(parents.of(group), seen));
            }
            level = next;
        }
        return List.copyOf(seen);
    }

    static IamException tooManyGroups() {
        return IamException.accessDenied("The directory reports more than " + MAX_GROUPS
                + " groups for the user; group membership cannot be resolved");
    }

    /** Adds the new groups among {@code candidates} to {@code seen}, returning those to follow next. */
    private List<DN> admit(List<DN> candidates, Set<DN> seen) {
        List<DN> added = new ArrayList<>();
        for (DN group : candidates) {
            if (group.isDescendantOf(base, true) && seen.add(group)) {
                if (seen.size() > MAX_GROUPS) {
                    throw tooManyGroups();
                }
                added.add(group);
            }
        }
        return added;
    }
}
