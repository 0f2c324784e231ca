/**
 * Mapping a federated identity onto candidate roles: an identity provider's ordered
 * {@link io.gatehouse.federation.mapping.RoleMappingRules}, each a set of conditions on claims and
 * directory groups that chooses a role and takes session tags from claims.
 *
 * <ul>
 *   <li>A claim condition holds when any of the claim's values satisfies it; a claim the provider
 *       did not send satisfies none. Claim names are compared exactly; values exactly unless the
 *       condition ignores case. Group names ignore case; distinguished names compare as DNs.</li>
 *   <li>A session tag takes its claim's first value. A missing claim or a value AWS would refuse as
 *       a tag value stops the rule, unless the tag is optional, which leaves a missing one out.</li>
 *   <li>{@link io.gatehouse.federation.mapping.RoleMappingRules#explain} is the dry run;
 *       {@link io.gatehouse.federation.mapping.RoleMappingRules#map} is its outcome, so the two never
 *       disagree.</li>
 *   <li>Mapping proposes roles only: the role's trust policy is evaluated afterwards.</li>
 * </ul>
 */
package io.gatehouse.federation.mapping;
