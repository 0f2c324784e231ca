package io.gatehouse.web.query;

import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.service.AccessKeyService;
import io.gatehouse.core.service.GroupService;
import io.gatehouse.core.service.InlinePolicyService;
import io.gatehouse.core.service.ManagedPolicyService;
import io.gatehouse.core.service.PolicyAttachmentService;
import io.gatehouse.core.service.UserService;

/** The service layer as the actions see it; the JSON API uses the same services. */
public record IamServices(AccountRepository accounts, UserService users, GroupService groups, AccessKeyService accessKeys,
                          UserRepository userRepository, GroupRepository groupRepository,
                          AccessKeyRepository accessKeyRepository, InlinePolicyService inlinePolicies,
                          ManagedPolicyService managedPolicies, PolicyAttachmentService policyAttachments) {
}
