package kz.appeals.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * One version of one unit of the KATO classifier, in force from {@code validFrom} until {@code validTo}; rural
 * districts also carry their akim and office contacts. An import that changes a unit closes its version and adds a
 * new one, so the unit as it was on any past day stays readable.
 */
@Entity
@Table(name = "territorial_unit")
public class TerritorialUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "kato_code", nullable = false)
    public String katoCode;

    @Column(name = "release_id")
    public Long releaseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TerritorialLevel level;

    @Column(name = "name_kk", nullable = false)
    public String nameKk;

    @Column(name = "name_ru", nullable = false)
    public String nameRu;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "akim_name")
    public String akimName;

    @Column(name = "akim_elected_since")
    public LocalDate akimElectedSince;

    public Integer population;

    @Column(name = "office_phone")
    public String officePhone;

    @Column(name = "office_email")
    public String officeEmail;

    public KatoCode code() {
        return new KatoCode(katoCode);
    }

    /** A new version from {@code day}, with the same content; the caller closes this one. */
    public TerritorialUnit nextVersion(LocalDate day, long release) {
        TerritorialUnit next = new TerritorialUnit();
        next.katoCode = katoCode;
        next.level = level;
        next.nameKk = nameKk;
        next.nameRu = nameRu;
        next.akimName = akimName;
        next.akimElectedSince = akimElectedSince;
        next.population = population;
        next.officePhone = officePhone;
        next.officeEmail = officeEmail;
        next.validFrom = day;
        next.releaseId = release;
        return next;
    }

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
