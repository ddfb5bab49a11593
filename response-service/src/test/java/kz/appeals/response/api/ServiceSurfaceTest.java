package kz.appeals.response.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What operations rely on: health probes (database and broker) and the published API description. */
@QuarkusTest
class ServiceSurfaceTest {

    @Test
    void healthAndOpenApi() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/inbox"))
                .body(containsString("/api/v1/appeals/{id}/answer"))
                .body(containsString("/api/v1/appeals/{id}/redirect"));
    }
}
