/**
 * AWS's policy simulator (SimulateCustomPolicy, SimulatePrincipalPolicy): the evaluator's decision
 * for each action and resource, explained by the statements that applied, where they stand in
 * their documents, and which context keys the policies wanted but were not given.
 */
package io.gatehouse.core.simulation;
