package kz.appeals.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One unit of the KATO classifier; rural districts also carry their akim and office contacts. */
@Entity
@Table(name = "territorial_unit")
public class TerritorialUnit {

    @Id
    @Column(name = "kato_code")
    public String katoCode;

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

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
