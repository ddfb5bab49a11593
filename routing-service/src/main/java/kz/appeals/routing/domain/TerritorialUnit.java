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
 * districts (and every other unit of their level: towns, village and settlement akimats) also carry their akim and
 * office contacts. An import that changes a unit closes its version and adds a
 * new one, so the unit as it was on any past day stays readable. Every unit with an akim of its own (rural
 * district, village or settlement akimat, town, district, city administration, city district, region) is a body.
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

    /** The level whose competence rules apply: the kind's level. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TerritorialLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitKind kind;

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

    /** The place's point as the classifier import gave it (WGS 84), both or neither. */
    public Double latitude;

    public Double longitude;

    public KatoCode code() {
        return new KatoCode(katoCode);
    }

    /** A new version from {@code day}, with the same content; the caller closes this one. */
    public TerritorialUnit nextVersion(LocalDate day, long release) {
        TerritorialUnit next = new TerritorialUnit();
        next.katoCode = katoCode;
        next.level = level;
        next.kind = kind;
        next.nameKk = nameKk;
        next.nameRu = nameRu;
        next.akimName = akimName;
        next.akimElectedSince = akimElectedSince;
        next.population = population;
        next.officePhone = officePhone;
        next.officeEmail = officeEmail;
        next.latitude = latitude;
        next.longitude = longitude;
        next.validFrom = day;
        next.releaseId = release;
        return next;
    }

    /** Its kind in words with its code and Russian name, e.g. «city administration 921000000 (Торткуль Г.А.)». */
    public String describe() {
        return (kind == null ? level.name().toLowerCase().replace('_', ' ') : kind.label()) + " " + katoCode + " ("
                + nameRu + ")";
    }

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
