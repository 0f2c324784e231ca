/**
 * AWS Signature Version 4 verification for requests from the AWS CLI and SDKs: parse the claim
 * ({@link io.gatehouse.core.sigv4.SigV4Verifier#parse}), look up the claimed key's secret, then
 * {@link io.gatehouse.core.sigv4.SigV4Verifier#verify}. Rules follow AWS's for services other than S3.
 */
package io.gatehouse.core.sigv4;
