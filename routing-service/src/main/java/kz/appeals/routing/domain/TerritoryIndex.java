package kz.appeals.routing.domain;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole territory in memory, every version of every unit and boundary: lookups by KATO code, the rural
 * district whose boundary contains a point (an STR-tree over the boundaries' envelopes, then an indexed
 * point-in-polygon test), and address matching. Immutable once built, so any number of threads may read it.
 */
public final class TerritoryIndex implements Territory {

    private record Area(Boundary boundary, TerritorialLevel level, IndexedPointInAreaLocator locator) {
    }

    private final Map<String, List<TerritorialUnit>> versionsByCode = new HashMap<>();
    private final STRtree areas = new STRtree();
    private final AddressMatcher addresses;
    private final int boundaryCount;

    public TerritoryIndex(Collection<TerritorialUnit> units, Collection<Boundary> boundaries) {
        for (TerritorialUnit unit : units) {
            versionsByCode.computeIfAbsent(unit.katoCode, c -> new ArrayList<>(1)).add(unit);
        }
        versionsByCode.values().forEach(v -> v.sort(Comparator.comparing((TerritorialUnit u) -> u.validFrom).reversed()));
        for (Boundary boundary : boundaries) {
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(boundary.area());
            // builds the locator's index now, so that concurrent readers never race to build it
            locator.locate(boundary.area().getCoordinate());
            TerritorialLevel level = versionsByCode.get(boundary.katoCode()).get(0).level;
            areas.insert(boundary.area().getEnvelopeInternal(), new Area(boundary, level, locator));
        }
        areas.build();
        boundaryCount = boundaries.size();
        addresses = new AddressMatcher(units);
    }

    @Override
    public Optional<TerritorialUnit> find(String katoCode, LocalDate day) {
        List<TerritorialUnit> versions = versionsByCode.get(katoCode);
        if (versions == null) {
            return Optional.empty();
        }
        for (TerritorialUnit version : versions) {
            if (version.isInForceOn(day)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /**
     * The unit and the units above it in force on the day, nearest first — whichever of the codes above it
     * ({@link KatoCode#ancestors()}) the classifier has. Empty when a unit above it was in the classifier but is not
     * in force that day: the place is then not where the data says.
     */
    public Optional<List<TerritorialUnit>> lineage(TerritorialUnit unit, LocalDate day) {
        List<TerritorialUnit> lineage = new ArrayList<>(4);
        lineage.add(unit);
        for (String above : unit.code().ancestors()) {
            if (everKnown(above)) {
                Optional<TerritorialUnit> parent = find(above, day);
                if (parent.isEmpty()) {
                    return Optional.empty();
                }
                lineage.add(parent.get());
            }
        }
        return Optional.of(lineage);
    }

    /**
     * Why a code the classifier has known is not in force on the day, in words for the operator: retired by a release
     * (when, and what it was), or not yet in force.
     */
    public String whyNotInForce(String katoCode, LocalDate day) {
        List<TerritorialUnit> versions = versionsByCode.getOrDefault(katoCode, List.of());
        for (TerritorialUnit version : versions) {
            if (!version.validFrom.isAfter(day)) {
                return "KATO code " + katoCode + " (" + version.nameRu + ") was retired from the classifier on "
                        + version.validTo + ", before " + day;
            }
        }
        return versions.isEmpty() ? "KATO code " + katoCode + " is unknown to the classifier"
                : "KATO code " + katoCode + " is in the classifier only from " + versions.get(versions.size() - 1).validFrom
                + ", after " + day;
    }

    /** Whether the code was ever in the classifier (to tell "retired" from "unknown"). */
    public boolean everKnown(String katoCode) {
        return versionsByCode.containsKey(katoCode);
    }

    /**
     * The rural-level unit (rural district, village or settlement akimat, town) whose boundary in force on the day
     * contains the point (its edge included).
     */
    public Optional<String> ruralDistrictAt(double latitude, double longitude, LocalDate day) {
        return unitAt(latitude, longitude, day, TerritorialLevel.RURAL_DISTRICT);
    }

    /** The unit of the level whose boundary in force on the day contains the point (its edge included). */
    public Optional<String> unitAt(double latitude, double longitude, LocalDate day, TerritorialLevel level) {
        Coordinate point = new Coordinate(longitude, latitude);
        @SuppressWarnings("unchecked")
        List<Area> candidates = areas.query(new Envelope(point));
        String found = null;
        for (Area area : candidates) {
            if (area.level == level && area.boundary.isInForceOn(day)
                    && area.locator.locate(point) != Location.EXTERIOR) {
                String code = area.boundary.katoCode();
                // a point on a shared edge belongs to both: take the lower code, so the answer is stable
                if (found == null || code.compareTo(found) < 0) {
                    found = code;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    public AddressMatcher.Match matchAddress(String address, LocalDate day) {
        return addresses.match(address, day, this);
    }

    public int boundaryCount() {
        return boundaryCount;
    }

    public int unitCount() {
        return versionsByCode.size();
    }
}
