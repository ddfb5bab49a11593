package kz.appeals.routing.service;

import kz.appeals.platform.problem.Problem;
import kz.appeals.routing.domain.Spelling;
import kz.appeals.routing.domain.TerritorialLevel;
import kz.appeals.routing.domain.TerritorialUnit;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gives a KATO code to each boundary feature that names its unit only by name, as OpenStreetMap's boundaries do: the
 * unit of that name (Kazakh or Russian, any spelling {@link Spelling} folds together, type markers aside) inside its
 * parent — the feature of the nearest higher {@code admin_level} (a smaller number) whose area holds the feature's
 * interior point, itself given a code first. A name that fits no unit, or several the parent and the admin_level
 * cannot tell apart, is a problem of that feature alone.
 */
final class FeatureCodes {

    private record Coded(GeoJson.Feature feature, PreparedGeometry area) {
    }

    private FeatureCodes() {
    }

    /** The features with a code, larger units first; a problem for each that has none, by its index. */
    static List<GeoJson.Feature> resolve(List<GeoJson.Feature> features, Collection<TerritorialUnit> units,
                                         Map<Integer, Problem.FieldError> problems) {
        if (features.stream().allMatch(feature -> feature.katoCode() != null)) {
            return features;
        }
        Map<String, List<TerritorialUnit>> byName = new HashMap<>();
        for (TerritorialUnit unit : units) {
            if (unit.level != TerritorialLevel.SETTLEMENT) {
                Stream.of(Spelling.nameKey(unit.nameKk), Spelling.nameKey(unit.nameRu)).distinct()
                        .filter(FeatureCodes::saysEnough)
                        .forEach(key -> byName.computeIfAbsent(key, k -> new ArrayList<>()).add(unit));
            }
        }
        List<GeoJson.Feature> ordered = features.stream().sorted(Comparator.comparing(
                (GeoJson.Feature f) -> f.adminLevel() == null ? Integer.MAX_VALUE : f.adminLevel())).toList();
        List<Coded> parents = new ArrayList<>();
        List<GeoJson.Feature> coded = new ArrayList<>(features.size());
        for (GeoJson.Feature feature : ordered) {
            GeoJson.Feature result = feature.katoCode() != null ? feature : byName(feature, parents, byName, problems);
            if (result != null) {
                coded.add(result);
                if (result.adminLevel() != null) {
                    parents.add(new Coded(result, PreparedGeometryFactory.prepare(result.area())));
                }
            }
        }
        return coded;
    }

    private static GeoJson.Feature byName(GeoJson.Feature feature, List<Coded> parents,
                                          Map<String, List<TerritorialUnit>> byName,
                                          Map<Integer, Problem.FieldError> problems) {
        GeoJson.Feature parent = parentOf(feature, parents);
        List<TerritorialUnit> named = feature.names().stream().map(Spelling::nameKey).filter(FeatureCodes::saysEnough)
                .distinct()
                .flatMap(key -> byName.getOrDefault(key, List.of()).stream())
                .filter(unit -> parent == null || unit.code().ancestors().contains(parent.katoCode()))
                .distinct().toList();
        if (named.size() > 1 && feature.adminLevel() != null) {
            TerritorialLevel expected = levelOf(feature.adminLevel());
            List<TerritorialUnit> atLevel = named.stream().filter(unit -> unit.level == expected).toList();
            named = atLevel.isEmpty() ? named : atLevel;
        }
        String within = parent == null ? "" : " inside " + parent.katoCode();
        String where = "features[" + feature.index() + "].properties.name";
        if (named.isEmpty()) {
            problems.put(feature.index(), new Problem.FieldError(where, "unknown", feature.label()
                    + ": no unit of the classifier is named so" + within + "; give its KATO code in ref:KATO"));
            return null;
        }
        if (named.size() > 1) {
            problems.put(feature.index(), new Problem.FieldError(where, "ambiguous", feature.label() + ": the name fits "
                    + named.stream().map(u -> u.katoCode).sorted().collect(Collectors.joining(", ")) + within
                    + "; give its KATO code in ref:KATO, or its parent's boundary in the same file"));
            return null;
        }
        return feature.withKatoCode(named.get(0).katoCode);
    }

    /** The coded feature of the nearest higher admin_level whose area holds the feature's interior point. */
    private static GeoJson.Feature parentOf(GeoJson.Feature feature, List<Coded> parents) {
        if (feature.adminLevel() == null) {
            return null;
        }
        Point inside = feature.area().getInteriorPoint();
        return parents.stream()
                .filter(p -> p.feature().adminLevel() < feature.adminLevel() && p.area().contains(inside))
                .max(Comparator.comparing((Coded p) -> p.feature().adminLevel()))
                .map(Coded::feature).orElse(null);
    }

    /** A name of fewer than three letters, once its type markers are gone, names nothing (as in address matching). */
    private static boolean saysEnough(String nameKey) {
        return nameKey.length() >= 3;
    }

    /**
     * The level OpenStreetMap's admin_level stands for in Kazakhstan: 4 regions and cities of republican
     * significance, 5–6 districts and cities of regional significance, 7 and above the rural level.
     */
    private static TerritorialLevel levelOf(int adminLevel) {
        return adminLevel <= 4 ? TerritorialLevel.REGION
                : adminLevel <= 6 ? TerritorialLevel.DISTRICT : TerritorialLevel.RURAL_DISTRICT;
    }
}
