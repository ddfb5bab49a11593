package kz.appeals.intake.open311.api;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** What a GeoReport v2 client sends in the Open311 tests: an API key, a complete form, a POST in either format. */
final class Open311Client {

    static final String ADMIN = Tokens.bearer(Tokens.forRole(Roles.ADMIN));

    private Open311Client() {
    }

    /** A form intake accepts for {@code serviceCode}, at a point in Almaty, public, with the category's attributes. */
    static Map<String, String> validForm(String apiKey, String iin, String serviceCode) {
        Map<String, String> form = new HashMap<>();
        form.put("api_key", apiKey);
        form.put("service_code", serviceCode);
        form.put("lat", "43.25");
        form.put("long", "76.95");
        form.put("description", "Аулада жарық жоқ, шамдар істемейді.");
        form.put("first_name", "Айгерім");
        form.put("last_name", "Сапарова");
        form.put("phone", SampleCitizens.randomPhone());
        form.put("email", "aigerim@example.kz");
        form.put("media_url", "https://photos.example.kz/p/1.jpg");
        form.put("attribute[appeal_type]", "COMPLAINT");
        form.put("attribute[language]", "ru");
        form.put("attribute[publication]", "PUBLIC");
        form.put("jurisdiction_id", "kz");
        if (iin != null) {
            form.put("attribute[iin]", iin);
        }
        // The category's own required attributes (GET /api/v1/categories).
        switch (serviceCode) {
            case "roads" -> form.put("attribute[defect]", "pothole");
            case "playgrounds" -> form.put("attribute[danger-to-children]", "no");
            case "water", "heating" -> form.put("attribute[supply-interrupted]", "yes");
            default -> {
            }
        }
        return form;
    }

    static Response post(String format, Map<String, String> form) {
        RequestSpecification request = given().contentType("application/x-www-form-urlencoded; charset=utf-8");
        form.forEach(request::formParam);
        return request.post("/open311/v2/requests." + format);
    }

    static String issueKey(String client) {
        return issue(client).extract().path("apiKey");
    }

    static ValidatableResponse issue(String client) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"clientName\":\"" + client + "\"}").post("/api/v1/admin/open311-keys")
                .then().statusCode(201);
    }
}
