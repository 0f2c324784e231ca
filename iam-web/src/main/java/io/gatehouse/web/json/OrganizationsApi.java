package io.gatehouse.web.json;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.organization.CreateAccountStatus;
import io.gatehouse.core.organization.MemberAccount;
import io.gatehouse.core.organization.Organization;
import io.gatehouse.core.organization.OrganizationService;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.service.Authorizer;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RequestFacts;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS Organizations calls the AWS CLI uses to create and find accounts (JSON 1.1, target
 * {@code AWSOrganizationsV20161128}, SigV4 service {@code organizations}): CreateAccount,
 * DescribeCreateAccountStatus, ListAccounts, DescribeAccount, DescribeOrganization. Only the
 * management account may call them, and within it only principals its policies allow.
 */
public final class OrganizationsApi implements JsonApi {

    private final OrganizationService organizations;
    private final Authorizer authorizer;
    private final Map<String, JsonOperation> operations;

    public OrganizationsApi(OrganizationService organizations, Authorizer authorizer) {
        this.organizations = organizations;
        this.authorizer = authorizer;
        this.operations = Map.of(
                "CreateAccount", new JsonOperation("CreateAccount", true, this::createAccount),
                "DescribeCreateAccountStatus", new JsonOperation("DescribeCreateAccountStatus", false,
                        this::describeCreateAccountStatus),
                "ListAccounts", new JsonOperation("ListAccounts", false, this::listAccounts),
                "DescribeAccount", new JsonOperation("DescribeAccount", false, this::describeAccount),
                "DescribeOrganization", new JsonOperation("DescribeOrganization", false, this::describeOrganization));
    }

    @Override
    public String service() {
        return "organizations";
    }

    @Override
    public String targetPrefix() {
        return "AWSOrganizationsV20161128";
    }

    @Override
    public Optional<JsonOperation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** Organizations names the common errors its own way. */
    @Override
    public String errorType(ErrorCode code) {
        return switch (code) {
            case ACCESS_DENIED -> "AccessDeniedException";
            case VALIDATION_ERROR, MISSING_PARAMETER, INVALID_INPUT -> "InvalidInputException";
            default -> code.code();
        };
    }

    private Organization authorized(Caller caller, String action, RequestFacts facts) {
        Organization organization = organizations.forManagementCaller(caller);
        authorizer.authorize(caller, "organizations:" + action, new Arn(Arn.AWS_PARTITION, "organizations", "", "", "*"),
                facts);
        return organization;
    }

    private JsonObject createAccount(Caller caller, JsonObject request, RequestFacts facts) {
        Organization organization = authorized(caller, "CreateAccount", facts);
        List<Tag> tags = new ArrayList<>();
        if (request.containsKey("Tags")) {
            for (JsonValue tag : request.getJsonArray("Tags")) {
                JsonObject t = tag.asJsonObject();
                tags.add(new Tag(t.getString("Key"), t.getString("Value")));
            }
        }
        CreateAccountStatus status = organizations.createAccount(organization, required(request, "Email"),
                required(request, "AccountName"), optional(request, "RoleName"), tags);
        return Json.createObjectBuilder().add("CreateAccountStatus", status(status)).build();
    }

    private JsonObject describeCreateAccountStatus(Caller caller, JsonObject request, RequestFacts facts) {
        authorized(caller, "DescribeCreateAccountStatus", facts);
        return Json.createObjectBuilder()
                .add("CreateAccountStatus", status(organizations.createAccountStatus(required(request, "CreateAccountRequestId"))))
                .build();
    }

    private JsonObject listAccounts(Caller caller, JsonObject request, RequestFacts facts) {
        Organization organization = authorized(caller, "ListAccounts", facts);
        Optional<Integer> max = request.containsKey("MaxResults")
                ? Optional.of(request.getJsonNumber("MaxResults").intValue()) : Optional.empty();
        Page<MemberAccount> page = organizations.listAccounts(optional(request, "NextToken"), max);
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        page.items().forEach(member -> accounts.add(account(organization, member)));
        JsonObjectBuilder response = Json.createObjectBuilder().add("Accounts", accounts);
        page.nextMarker().ifPresent(token -> response.add("NextToken", token));
        return response.build();
    }

    private JsonObject describeAccount(Caller caller, JsonObject request, RequestFacts facts) {
        Organization organization = authorized(caller, "DescribeAccount", facts);
        return Json.createObjectBuilder()
                .add("Account", account(organization, organizations.describeAccount(required(request, "AccountId"))))
                .build();
    }

    private JsonObject describeOrganization(Caller caller, JsonObject request, RequestFacts facts) {
        Organization organization = authorized(caller, "DescribeOrganization", facts);
        Account management = organizations.managementAccount(organization);
        return Json.createObjectBuilder().add("Organization", Json.createObjectBuilder()
                .add("Id", organization.id())
                .add("Arn", organization.arn())
                .add("FeatureSet", "ALL")
                .add("MasterAccountArn", organization.accountArn(management.id()))
                .add("MasterAccountId", management.id().value())
                .add("MasterAccountEmail", management.rootEmail())
                .add("AvailablePolicyTypes", Json.createArrayBuilder())).build();
    }

    private static JsonObject status(CreateAccountStatus status) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("Id", status.id())
                .add("AccountName", status.accountName())
                .add("State", status.state().name())
                .add("RequestedTimestamp", epoch(status.requested()));
        status.completed().ifPresent(at -> json.add("CompletedTimestamp", epoch(at)));
        status.accountId().ifPresent(id -> json.add("AccountId", id.value()));
        status.failureReason().ifPresent(reason -> json.add("FailureReason", reason));
        return json.build();
    }

    private static JsonObject account(Organization organization, MemberAccount member) {
        Account account = member.account();
        return Json.createObjectBuilder()
                .add("Id", account.id().value())
                .add("Arn", organization.accountArn(account.id()))
                .add("Email", account.rootEmail())
                .add("Name", account.name())
                .add("Status", "ACTIVE")
                .add("JoinedMethod", member.joinedMethod().name())
                .add("JoinedTimestamp", epoch(member.joinedDate()))
                .build();
    }

    /** The JSON protocol carries timestamps as epoch seconds. */
    private static BigDecimal epoch(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    private static String required(JsonObject request, String name) {
        return optional(request, name).orElseThrow(() -> new IamException(ErrorCode.ORGANIZATIONS_INVALID_INPUT,
                "You must specify " + name + "."));
    }

    private static Optional<String> optional(JsonObject request, String name) {
        JsonValue value = request.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.toString());
        }
        throw new IamException(ErrorCode.ORGANIZATIONS_INVALID_INPUT, name + " must be a string.");
    }
}
