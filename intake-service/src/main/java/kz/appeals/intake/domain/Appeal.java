package kz.appeals.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** An appeal as registered (APPK Art. 63–64). The applicant's personal data never leaves this service. */
@Entity
@Table(name = "appeal")
public class Appeal {

    @Id
    public UUID id;

    @Column(name = "receipt_number", nullable = false, unique = true)
    public String receiptNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_type", nullable = false)
    public AppealType appealType;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    /** The public copy: IINs, phones, e-mails and the applicant's name masked (platform PublicText). */
    @Column(nullable = false)
    public String description;

    /** The citizen's own words, sealed like the applicant; null when the public copy is the same text. */
    @Column(name = "description_sealed")
    public byte[] descriptionSealed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Publication publication = Publication.PRIVATE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Language language;

    @Column(name = "kato_code")
    public String katoCode;

    public Double latitude;

    public Double longitude;

    @Column(name = "address_text")
    public String addressText;

    @Column(nullable = false)
    public String channel;

    /** The {@link Applicant}, sealed (see PersonalDataCipher): never stored in the clear. */
    @Column(name = "applicant_sealed")
    public byte[] applicantSealed;

    /** When the retention period removed the applicant; null while the applicant is kept. */
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;

    /** An anonymous report of a crime or a threat to public security: no applicant, nobody to answer. */
    @Column(name = "anonymous_signal", nullable = false)
    public boolean anonymousSignal;

    /** Keyed hash of the IIN: the only form of the applicant that other services see. */
    @Column(name = "applicant_ref")
    public String applicantRef;

    /** The citizen's answers to the category's attributes, by attribute code. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> attributes;

    @Column(name = "attachment_count", nullable = false)
    public int attachmentCount;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "registration_day", nullable = false)
    public LocalDate registrationDay;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;
}
