package io.gatehouse.web.json;

import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RequestFacts;
import jakarta.json.JsonObject;

import java.util.Objects;

/**
 * One operation of a JSON-protocol API: its name, whether it changes state (and is audited), and
 * what it does. Operations authorize themselves through the service they call, because what they
 * are authorized on (and who may call them at all) differs by service.
 */
public record JsonOperation(String name, boolean mutating, Handler handler) {

    public JsonOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
    }

    @FunctionalInterface
    public interface Handler {
        JsonObject handle(Caller caller, JsonObject request, RequestFacts facts);
    }
}
