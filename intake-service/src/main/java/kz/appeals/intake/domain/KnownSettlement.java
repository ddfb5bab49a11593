package kz.appeals.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** Intake's replica of the territorial reference published by routing, used to reject unknown KATO codes. */
@Entity
@Table(name = "known_settlement")
public class KnownSettlement {

    @Id
    @Column(name = "kato_code")
    public String katoCode;

    @Column(name = "name_kk", nullable = false)
    public String nameKk;

    @Column(name = "name_ru", nullable = false)
    public String nameRu;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** Where routing shows the place (WGS 84), both or neither; the applicant's own coordinates win over it. */
    public Double latitude;

    public Double longitude;

    /** Where routing's point came from: CLASSIFIER, or BOUNDARY (inside the smallest boundary containing it). */
    @Column(name = "point_source")
    public String pointSource;

    /** Time of the reference event this row reflects; an older event never overwrites a newer one. */
    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    public boolean acceptsAppealsOn(LocalDate day) {
        return validTo == null || day.isBefore(validTo);
    }
}
