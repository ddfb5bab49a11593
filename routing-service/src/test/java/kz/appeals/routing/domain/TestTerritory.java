package kz.appeals.routing.domain;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A small territory and the default competence rules, as the domain tests need them. */
final class TestTerritory {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private TestTerritory() {
    }

    /** Region 99, district 991 with rural districts 991021 (box 68–69 E, 48–49 N) and 991023 (retired), district 992. */
    static TerritoryIndex index() {
        List<TerritorialUnit> units = new ArrayList<>(List.of(
                unit("990000000", "Үлгі облысы", "Образцовая область", null),
                unit("991000000", "Алтынсай ауданы", "Алтынсайский район", null),
                unit("991021000", "Ақбұлақ ауылдық округі", "Акбулакский сельский округ", null),
                unit("991021001", "Ақбұлақ ауылы", "село Акбулак", null),
                unit("991021002", "Жаңатұрмыс ауылы", "село Жанатурмыс", null),
                unit("991023000", "Бірлік ауылдық округі", "Бирликский сельский округ", LocalDate.of(2026, 1, 1)),
                unit("991023001", "Бірлік ауылы", "село Бирлик", LocalDate.of(2026, 1, 1)),
                unit("992000000", "Жасыл ауданы", "Жасыльский район", null),
                unit("992021000", "Береке ауылдық округі", "Берекенский сельский округ", null),
                unit("992021001", "Қызылжар ауылы", "село Кызылжар", null),
                unit("992023000", "Достық ауылдық округі", "Достыкский сельский округ", null),
                unit("992023001", "Ақбұлақ ауылы", "село Акбулак", null)));
        List<Boundary> boundaries = List.of(
                new Boundary("991021000", FROM, null, box(68, 48, 69, 49)),
                new Boundary("992021000", FROM, null, box(69, 48, 70, 49)));
        return new TerritoryIndex(units, boundaries);
    }

    static CompetenceRules defaultRules() {
        return new CompetenceRules(List.of(
                rule("*", CompetenceRule.Scope.RURAL_DISTRICT, Responsibility.RURAL_AKIM, "akim"),
                rule("*", CompetenceRule.Scope.DISTRICT, Responsibility.DISTRICT_DEPARTMENT, "akimat"),
                rule("*", CompetenceRule.Scope.REGION, Responsibility.REGION_DEPARTMENT, "akimat"),
                rule("health", CompetenceRule.Scope.ANY, Responsibility.REGION_DEPARTMENT, "health"),
                rule("electricity", CompetenceRule.Scope.ANY, Responsibility.UTILITY, "power-grid"),
                rule("policing", CompetenceRule.Scope.ANY, Responsibility.NATIONAL_AGENCY, "police"),
                rule("private-dispute", CompetenceRule.Scope.ANY, Responsibility.NO_PUBLIC_BODY, "none")));
    }

    static CompetenceRule rule(String category, CompetenceRule.Scope scope, Responsibility responsibility,
                               String department) {
        CompetenceRule rule = new CompetenceRule();
        rule.categoryCode = category;
        rule.scope = scope;
        rule.responsibility = responsibility;
        rule.departmentCode = department;
        rule.nameKk = "Орган " + department;
        rule.nameRu = "Орган " + department;
        rule.note = "Test rule " + category + " " + scope;
        rule.updatedAt = Instant.EPOCH;
        return rule;
    }

    private static TerritorialUnit unit(String kato, String nameKk, String nameRu, LocalDate validTo) {
        TerritorialUnit unit = new TerritorialUnit();
        unit.katoCode = kato;
        unit.level = new KatoCode(kato).level();
        unit.nameKk = nameKk;
        unit.nameRu = nameRu;
        unit.validFrom = FROM;
        unit.validTo = validTo;
        return unit;
    }

    private static org.locationtech.jts.geom.Polygon box(double west, double south, double east, double north) {
        return GEOMETRY.createPolygon(new Coordinate[]{new Coordinate(west, south), new Coordinate(east, south),
            new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)});
    }
}
