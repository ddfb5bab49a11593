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

    /** What makes a unit the same place under another code: its names, level and district, and the day it began. */
    private record Recoding(LocalDate day, TerritorialLevel level, String district, String nameKk, String nameRu) {
        static Recoding of(TerritorialUnit unit, LocalDate day) {
            return new Recoding(day, unit.level, unit.katoCode.substring(0, 4), unit.nameKk, unit.nameRu);
        }
    }

    private final Map<String, List<TerritorialUnit>> versionsByCode = new HashMap<>();
    /** The code a retired version's place has from the day it was retired, where the release recoded it. */
    private final Map<TerritorialUnit, String> recodedTo = new HashMap<>();
    private final STRtree areas = new STRtree();
    private final AddressMatcher addresses;
    private final int boundaryCount;

    public TerritoryIndex(Collection<TerritorialUnit> units, Collection<Boundary> boundaries) {
        for (TerritorialUnit unit : units) {
            versionsByCode.computeIfAbsent(unit.katoCode, c -> new ArrayList<>(1)).add(unit);
        }
        versionsByCode.values().forEach(v -> v.sort(Comparator.comparing((TerritorialUnit u) -> u.validFrom).reversed()));
        findRecodings(units);
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
     * The bureau recodes a place that moves under another unit (two rural districts merge: the absorbed one's villages
     * get codes under the other): the release retires the old code and adds a new one with the same names, level and
     * district from the same day. Where exactly one such unit began that day, it is the retired place's successor.
     */
    private void findRecodings(Collection<TerritorialUnit> units) {
        Map<Recoding, List<TerritorialUnit>> begun = new HashMap<>();
        for (TerritorialUnit unit : units) {
            begun.computeIfAbsent(Recoding.of(unit, unit.validFrom), k -> new ArrayList<>(1)).add(unit);
        }
        for (TerritorialUnit unit : units) {
            if (unit.validTo != null && find(unit.katoCode, unit.validTo).isEmpty()) {
                List<TerritorialUnit> successors = begun.getOrDefault(Recoding.of(unit, unit.validTo), List.of());
                if (successors.size() == 1 && !successors.get(0).katoCode.equals(unit.katoCode)) {
                    recodedTo.put(unit, successors.get(0).katoCode);
                }
            }
        }
    }

    /**
     * The unit in force on the day that a code not in force then was recoded to by a release (following later
     * recodings too), with the retired version it succeeds.
     */
    public Optional<Recoded> recoded(String katoCode, LocalDate day) {
        String code = katoCode;
        TerritorialUnit first = null;
        for (int hop = 0; hop < 8; hop++) {
            TerritorialUnit retired = lastBefore(code, day);
            String next = retired == null ? null : recodedTo.get(retired);
            if (next == null) {
                return Optional.empty();
            }
            first = first == null ? retired : first;
            Optional<TerritorialUnit> successor = find(next, day);
            if (successor.isPresent()) {
                return Optional.of(new Recoded(first, successor.get()));
            }
            code = next;
        }
        return Optional.empty();
    }

    /** A retired version and the unit its place has on a later day. */
    public record Recoded(TerritorialUnit retired, TerritorialUnit successor) {
    }

    /** The latest version of the code that began by the day. */
    private TerritorialUnit lastBefore(String katoCode, LocalDate day) {
        for (TerritorialUnit version : versionsByCode.getOrDefault(katoCode, List.of())) {
            if (!version.validFrom.isAfter(day)) {
                return version;
            }
        }
        return null;
    }

    /**
     * Why a code the classifier has known is not in force on the day, in words for the operator: retired by a release
     * (when, and what it was), or not yet in force.
     */
    public String whyNotInForce(String katoCode, LocalDate day) {
        List<TerritorialUnit> versions = versionsByCode.getOrDefault(katoCode, List.of());
        TerritorialUnit retired = lastBefore(katoCode, day);
        if (retired != null) {
            return "KATO code " + katoCode + " (" + retired.nameRu + ") was retired from the classifier on "
                    + retired.validTo + ", before " + day;
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
