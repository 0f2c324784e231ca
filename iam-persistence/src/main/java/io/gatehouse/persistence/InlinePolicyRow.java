package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every inline policy row holds, whoever owns it (a user or a group): the name as last given,
 * the document, and the optimistic-lock version. The owning entity adds its own key.
 */
@MappedSuperclass
abstract class InlinePolicyRow {

    @Column(name = "policy_name")
    private String policyName;

    @Column(name = "document")
    private String document;

    @Version
    @Column(name = "version")
    private long version;

    /** Put*Policy on an existing name replaces the document (and takes the new spelling of the name). */
    void replace(String newPolicyName, String newDocument) {
        this.policyName = newPolicyName;
        this.document = newDocument;
    }

    String policyName() {
        return policyName;
    }

    String document() {
        return document;
    }
}
