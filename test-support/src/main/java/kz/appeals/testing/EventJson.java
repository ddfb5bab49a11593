package kz.appeals.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import kz.appeals.contracts.ContractJson;

/** Event data to and from JSON exactly as producers and consumers map it. */
public final class EventJson {

    public static String write(Object data) {
        try {
            return ContractJson.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + data, e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + " from " + json, e);
        }
    }

    private EventJson() {
    }
}
