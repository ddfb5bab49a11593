package kz.appeals.intake.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The GeoReport v2 representations, field for field and in the standard's order. Absent values are written as
 * null (JSON) or an empty element (XML) so that every response has the same shape.
 */
public final class GeoReportViews {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
                          String keywords, String group) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceDefinition(String serviceCode, List<Attribute> attributes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attribute(boolean variable, String code, String datatype, boolean required,
                            String datatypeDescription, int order, String description, List<Value> values) {
    }

    public record Value(String key, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceRequest(String serviceRequestId, String status, String statusNotes, String serviceName,
                                 String serviceCode, String description, String agencyResponsible,
                                 String serviceNotice, String requestedDatetime, String updatedDatetime,
                                 String expectedDatetime, String address, String addressId, String zipcode,
                                 Double lat, @JsonProperty("long") Double lon, String mediaUrl) {
    }

    /** mySociety's servicerequestupdates extension, which FixMyStreet reads to show a report's updates. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RequestUpdate(String updateId, String serviceRequestId, String status, String updatedDatetime,
                                String description, String mediaUrl, String externalStatusCode) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Created(String serviceRequestId, String serviceNotice, String accountId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Token(String serviceRequestId, String token) {
    }

    public record Error(int code, String description) {
    }

    private GeoReportViews() {
    }
}
