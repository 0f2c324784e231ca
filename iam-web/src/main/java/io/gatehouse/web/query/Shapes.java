package io.gatehouse.web.query;

import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.RoleLastUsed;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * AWS's XML shapes of IAM entities (botocore's iam model: User, Group, AccessKeyMetadata, Tag,
 * Role, InstanceProfile).
 */
final class Shapes {

    private Shapes() {
    }

    static void user(XmlWriter xml, String element, User user) {
        user(xml, element, user, Optional.empty());
    }

    /** GetUser's form, which also names the permissions boundary. */
    static void user(XmlWriter xml, String element, User user, Optional<String> permissionsBoundary) {
        xml.start(element)
                .element("Path", user.path())
                .element("UserName", user.name())
                .element("UserId", user.userId())
                .element("Arn", user.arn().toString())
                .element("CreateDate", user.createDate());
        permissionsBoundary.ifPresent(arn -> xml.start("PermissionsBoundary")
                .element("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                .element("PermissionsBoundaryArn", arn)
                .end());
        if (!user.tags().isEmpty()) {
            tags(xml, user.tags());
        }
        xml.end();
    }

    static void group(XmlWriter xml, String element, Group group) {
        xml.start(element)
                .element("Path", group.path())
                .element("GroupName", group.name())
                .element("GroupId", group.groupId())
                .element("Arn", group.arn().toString())
                .element("CreateDate", group.createDate())
                .end();
    }

    /** How much of a role a reply shows: ListRoles and instance profiles leave out tags, boundary and last use. */
    enum RoleDetail { FULL, LISTED }

    static void role(XmlWriter xml, String element, Role role, RoleDetail detail) {
        role(xml, element, role, detail, Optional.empty(), Optional.empty());
    }

    /** GetRole's form, which also names the permissions boundary and the role's last use. */
    static void role(XmlWriter xml, String element, Role role, Optional<String> permissionsBoundary,
                     Optional<RoleLastUsed> lastUsed) {
        role(xml, element, role, RoleDetail.FULL, permissionsBoundary, lastUsed);
    }

    private static void role(XmlWriter xml, String element, Role role, RoleDetail detail,
                             Optional<String> permissionsBoundary, Optional<RoleLastUsed> lastUsed) {
        xml.start(element)
                .element("Path", role.path())
                .element("RoleName", role.name())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn().toString())
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", urlEncoded(role.trustPolicy()));
        role.description().ifPresent(d -> xml.element("Description", d));
        xml.element("MaxSessionDuration", Integer.toString(role.maxSessionDuration().seconds()));
        if (detail == RoleDetail.FULL) {
            permissionsBoundary.ifPresent(arn -> xml.start("PermissionsBoundary")
                    .element("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                    .element("PermissionsBoundaryArn", arn)
                    .end());
            if (!role.tags().isEmpty()) {
                tags(xml, role.tags());
            }
            roleLastUsed(xml, lastUsed);
        }
        xml.end();
    }

    /** An empty element for a role never assumed, as AWS shows it. */
    static void roleLastUsed(XmlWriter xml, Optional<RoleLastUsed> lastUsed) {
        xml.start("RoleLastUsed");
        lastUsed.ifPresent(use -> xml.element("LastUsedDate", use.lastUsedDate()).element("Region", use.region()));
        xml.end();
    }

    static void instanceProfile(XmlWriter xml, String element, InstanceProfile profile) {
        xml.start(element)
                .element("Path", profile.path())
                .element("InstanceProfileName", profile.name())
                .element("InstanceProfileId", profile.instanceProfileId())
                .element("Arn", profile.arn().toString())
                .element("CreateDate", profile.createDate())
                .start("Roles");
        profile.roles().forEach(role -> role(xml, "member", role, RoleDetail.LISTED));
        xml.end();
        if (!profile.tags().isEmpty()) {
            tags(xml, profile.tags());
        }
        xml.end();
    }

    /** AWS returns policy documents URL-encoded (RFC 3986 style, a space as %20); SDKs decode them. */
    static String urlEncoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void accessKeyMetadata(XmlWriter xml, AccessKey key, String userName) {
        xml.start("member");
        if (!userName.isEmpty()) {
            xml.element("UserName", userName);
        }
        xml.element("AccessKeyId", key.accessKeyId())
                .element("Status", key.status().name())
                .element("CreateDate", key.createDate())
                .end();
    }

    static void tags(XmlWriter xml, List<Tag> tags) {
        xml.start("Tags");
        for (Tag tag : tags) {
            xml.start("member").element("Key", tag.key()).element("Value", tag.value()).end();
        }
        xml.end();
    }

    /** A policy document as AWS returns it: URL-encoded (RFC 3986, spaces as %20); SDKs and the CLI decode it. */
    static String policyDocument(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void paging(XmlWriter xml, Page<?> page) {
        xml.element("IsTruncated", page.isTruncated());
        page.nextMarker().ifPresent(marker -> xml.element("Marker", marker));
    }
}
