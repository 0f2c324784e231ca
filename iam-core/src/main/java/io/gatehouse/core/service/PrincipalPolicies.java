package io.gatehouse.core.service;

import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.PolicySet;

/**
 * The policies that govern what a principal may do: its identity policies (inline and attached,
 * its own and its groups') and its permissions boundary, compiled and ready to evaluate.
 */
@FunctionalInterface
public interface PrincipalPolicies {

    PolicySet forUser(User user);
}
