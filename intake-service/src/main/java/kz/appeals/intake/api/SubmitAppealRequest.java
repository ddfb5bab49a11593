package kz.appeals.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.intake.domain.NationalTerritory;
import kz.appeals.intake.domain.Publication;
import kz.appeals.platform.validation.MaxCodePoints;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(description = "An appeal as the citizen filed it through an e-government front end (APPK Art. 63).")
public record SubmitAppealRequest(
        @NotNull @Schema(description = "APPK appeal type") AppealType appealType,
        @NotBlank @Size(max = 64) @Schema(description = "Code from GET /api/v1/categories", example = "roads") String categoryCode,
        @NotBlank @MaxCodePoints(4000) @Schema(maxLength = 4000, description = "What the appeal is about; the length "
                + "counts characters (Unicode code points), as JSON Schema does") String description,
        @NotNull @Schema(description = "Language of the appeal; the answer comes in it or in Kazakh") Language language,
        @NotNull @Valid Location location,
        @NotBlank @Size(max = 32) @Schema(example = "egov") String channel,
        @Valid @Schema(description = "Who files the appeal. Required, except for an anonymous REPORT in category "
                + "public-safety (a crime or a threat to public security), which is taken as a signal") Applicant applicant,
        @Size(max = 10) List<@Valid @NotNull AttachmentMetadata> attachments,
        @Size(max = 20) @Schema(description = "Answers to the category's attributes (GET /api/v1/categories), by "
                + "attribute code; required attributes must be present") Map<String, String> attributes,
        @Schema(description = "PUBLIC to let anyone read the appeal in the Open311 feed, with IINs, phone numbers, "
                + "e-mail addresses and the applicant's name masked; PRIVATE (the default) to keep it between the "
                + "applicant and the bodies that answer", enumeration = {"PRIVATE", "PUBLIC"}) Publication publication) {

    /** What the applicant chose, PRIVATE when they said nothing. */
    public Publication publicationOrDefault() {
        return publication == null ? Publication.PRIVATE : publication;
    }

    @Schema(description = "Where the problem is: at least one of katoCode, coordinates, addressText")
    public record Location(
            @Pattern(regexp = "\\d{9}") @Schema(description = "9-digit KATO settlement code", example = "631010001") String katoCode,
            @DecimalMin("40.0") @DecimalMax("56.0") Double latitude,
            @DecimalMin("46.0") @DecimalMax("88.0") Double longitude,
            @MaxCodePoints(500) @Schema(maxLength = 500) String addressText) {

        /** Coordinates in Kazakhstan's box but across its border (Tashkent, Bishkek) name no body here. */
        @JsonIgnore
        @AssertTrue(message = "The coordinates lie outside Kazakhstan")
        public boolean isInKazakhstan() {
            return latitude == null || longitude == null || NationalTerritory.contains(latitude, longitude);
        }
    }

    @Schema(description = "APPK Art. 63: the applicant's name, IIN and a way to reach them — a phone, an e-mail "
            + "or both")
    public record Applicant(
            @NotNull @Pattern(regexp = "\\d{12}") @Schema(description = "Individual identification number") String iin,
            @NotBlank @Size(max = 200) String fullName,
            @Pattern(regexp = "\\+7\\d{10}") @Schema(example = "+77011234567") String phone,
            @Email @Size(max = 254) String email) {

        /** A phone or an e-mail: the law asks for a way to reach the applicant, not for both. */
        @JsonIgnore
        @AssertTrue(message = "Give a phone or an e-mail, so that the body can reach the applicant")
        public boolean isReachable() {
            return phone != null || email != null && !email.isBlank();
        }
    }

    public record AttachmentMetadata(
            @NotNull @Size(max = 2048) @Pattern(regexp = "https://.+") String url,
            @NotBlank @Size(max = 128) String mediaType,
            @NotNull @Positive @Max(20_000_000) Long sizeBytes,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}") String sha256) {
    }
}
