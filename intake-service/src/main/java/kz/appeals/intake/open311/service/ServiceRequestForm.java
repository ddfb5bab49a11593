package kz.appeals.intake.open311.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form fields of a GeoReport v2 POST requests call, blank ones read as absent. {@code attributes} holds the
 * {@code attribute[code]} fields by code. jurisdiction_id, device_id and account_id are accepted and not used:
 * this endpoint serves one jurisdiction and keeps no client-side accounts.
 */
public record ServiceRequestForm(String apiKey, String serviceCode, String lat, String lon, String addressString,
                                 String addressId, String email, String firstName, String lastName, String phone,
                                 String description, String mediaUrl, Map<String, String> attributes) {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[(.+)]");

    public static ServiceRequestForm of(Map<String, List<String>> fields) {
        Map<String, String> attributes = new HashMap<>();
        fields.forEach((name, values) -> {
            Matcher attribute = ATTRIBUTE.matcher(name);
            String value = first(values);
            if (attribute.matches() && value != null) {
                attributes.put(attribute.group(1), value);
            }
        });
        return new ServiceRequestForm(first(fields.get("api_key")), first(fields.get("service_code")),
                first(fields.get("lat")), first(fields.get("long")), first(fields.get("address_string")),
                first(fields.get("address_id")), first(fields.get("email")), first(fields.get("first_name")),
                first(fields.get("last_name")), first(fields.get("phone")), first(fields.get("description")),
                first(fields.get("media_url")), Map.copyOf(attributes));
    }

    private static String first(List<String> values) {
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0);
    }
}
