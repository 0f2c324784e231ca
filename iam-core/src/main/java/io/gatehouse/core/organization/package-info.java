/**
 * AWS Organizations, as far as a self-hosted IAM needs it: one organization whose management
 * account is the account the server bootstrapped, and member accounts it creates, each reachable
 * from the management account through an administrator role.
 */
package io.gatehouse.core.organization;
