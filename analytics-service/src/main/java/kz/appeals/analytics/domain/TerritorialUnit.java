package kz.appeals.analytics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitKind;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;

import java.time.Instant;
import java.time.LocalDate;

/** Analytics' copy of one region, district or rural district of routing's reference: its latest published state. */
@Entity
@Table(name = "territorial_unit")
public class TerritorialUnit {

    @Id
    @Column(name = "kato_code")
    public String katoCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false)
    public UnitLevel level;

    /** What kind of body it is, which decides whom it is compared with ({@link ComparisonGroup}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public UnitKind kind;

    @Column(name = "district_kato")
    public String districtKato;

    @Column(name = "region_kato", nullable = false)
    public String regionKato;

    @Column(name = "name_kk", nullable = false)
    public String nameKk;

    @Column(name = "name_ru", nullable = false)
    public String nameRu;

    @Column(name = "population")
    public Integer population;

    @Column(name = "akim_name")
    public String akimName;

    @Column(name = "akim_elected_since")
    public LocalDate akimElectedSince;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    protected TerritorialUnit() {
    }

    public TerritorialUnit(String katoCode) {
        this.katoCode = katoCode;
    }

    /** The newest publication wins, so a replay or a late duplicate of an older state changes nothing. */
    public void apply(TerritorialUnitPublished published) {
        if (publishedAt != null && !published.occurredAt().isAfter(publishedAt)) {
            return;
        }
        level = published.level();
        kind = published.kind() != null ? published.kind()
                : ComparisonGroup.kindOf(TerritoryLevel.valueOf(published.level().name()));
        districtKato = published.districtKato();
        regionKato = published.regionKato();
        nameKk = published.nameKk();
        nameRu = published.nameRu();
        population = published.population();
        akimName = published.akimName();
        akimElectedSince = published.akimElectedSince();
        validFrom = published.validFrom();
        validTo = published.validTo();
        publishedAt = published.occurredAt();
    }
}
