package kz.appeals.intake.open311.api;

import kz.appeals.intake.open311.service.GeoReportException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body read here rather than by the REST layer, whose reader fails
 * with an internal error on pairs such as {@code ==}: a field without a name is skipped, broken percent-encoding
 * is answered with the standard's 400 error list.
 */
final class FormFields {

    private FormFields() {
    }

    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body == null) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.isEmpty()) {
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GeoReportException.badRequest("body: not a valid form, " + e.getMessage());
        }
    }
}
