package io.gatehouse.core.identity;

import io.gatehouse.core.error.IamException;

/** AWS's access key states; an inactive key authenticates nothing. */
public enum AccessKeyStatus {
    Active, Inactive;

    public static AccessKeyStatus parse(String value, String parameter) {
        for (AccessKeyStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw IamException.validation("1 validation error detected: Value '" + value + "' at '" + parameter
                + "' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
    }
}
