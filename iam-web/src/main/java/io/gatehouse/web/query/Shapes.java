package io.gatehouse.web.query;

import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** AWS's XML shapes of IAM entities (botocore's iam model: User, Group, AccessKeyMetadata, Tag). */
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
