package io.gatehouse.web.query;

/**
 * One AWS service spoken over the Query protocol at {@code /}: its SigV4 signing name, the API
 * version a request names in {@code Version}, the XML namespace of its responses, and its actions.
 */
public interface QueryApi {

    String service();

    String version();

    String namespace();

    /** @throws io.gatehouse.core.error.IamException InvalidAction for a name the API does not have */
    IamAction find(String name);
}
