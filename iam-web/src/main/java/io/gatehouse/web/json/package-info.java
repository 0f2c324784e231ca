/**
 * AWS's JSON protocol (1.0 and 1.1) at {@code /}: {@code POST} with {@code X-Amz-Target:
 * <prefix>.<Operation>} and a JSON body, SigV4-signed, errors as {@code {"__type", "message"}}.
 * AWS Organizations speaks it; other JSON services register their operations the same way.
 */
package io.gatehouse.web.json;
