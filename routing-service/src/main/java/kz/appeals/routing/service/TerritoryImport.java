package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.contracts.TerritoryEvents.Point;
import kz.appeals.contracts.TerritoryEvents.PointSource;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.problem.Problem;
import kz.appeals.routing.domain.KatoCode;
import kz.appeals.routing.domain.Kazakhstan;
import kz.appeals.routing.domain.PlacePoints;
import kz.appeals.routing.domain.TerritorialLevel;
import kz.appeals.routing.domain.TerritorialUnit;
import kz.appeals.routing.domain.UnitKind;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Geometry;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Loads the reference data: the KATO classifier (columns of the official file), the akims' register and the rural
 * districts' boundaries. Each import is a release effective from a date: a unit or boundary that changes gets a
 * new version from that date and the old version is closed, so routing decided before is never rewritten. The
 * whole file is validated first and written in one transaction: a broken file is reported row by row and column by
 * column, and nothing of it is imported. New, renamed and retired settlements are published on the territory topic.
 */
@ApplicationScoped
public class TerritoryImport {

    /** What an import did; {@code notImported} names each boundary feature left out, with why (skip mode only). */
    public record Result(long release, String kind, LocalDate effectiveFrom, int rows, int added, int changed,
                         int retired, List<Problem.FieldError> notImported) {
    }

    /** What a boundary import does with a feature it cannot import: reject the whole file, or skip that feature. */
    public enum BadFeatures {REJECT, SKIP}

    public record SampleResult(Result classifier, Result akims, Result boundaries) {
    }

    static final List<String> CLASSIFIER_COLUMNS = List.of("te", "name_kaz", "name_rus");
    /** Optional columns of the classifier: the place's point, WGS 84 degrees, a decimal point or comma. */
    static final List<String> POINT_COLUMNS = List.of("latitude", "longitude");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,3}([.,]\\d{1,15})?");
    static final List<String> AKIM_COLUMNS = List.of("rural_district_kato", "akim_name", "elected_since",
            "population", "office_phone", "office_email");
    /** The SAMPLE data is in force from this day, so demo appeals of any recent day can be routed. */
    static final LocalDate SAMPLE_EFFECTIVE_FROM = LocalDate.of(2025, 1, 1);
    private static final int PROGRESS_STEP = 200;
    private static final Logger LOG = Logger.getLogger(TerritoryImport.class);

    private final EntityManager entityManager;
    private final TerritoryRepository territory;
    private final ReferenceStore store;
    private final Outbox outbox;
    private final ImportProgress progress;
    private final Clock clock;

    public TerritoryImport(EntityManager entityManager, TerritoryRepository territory, ReferenceStore store,
                           Outbox outbox, ImportProgress progress, Clock clock) {
        this.entityManager = entityManager;
        this.territory = territory;
        this.store = store;
        this.outbox = outbox;
        this.progress = progress;
        this.clock = clock;
    }

    public LocalDate today() {
        return clock.instant().atOffset(ZoneOffset.ofHours(5)).toLocalDate();
    }

    /** The bundled SAMPLE data set (synthetic region 99): classifier, akims and boundaries. */
    @Transactional
    public SampleResult importSample() {
        return new SampleResult(
                importClassifier(TabularFile.csv(reader("/reference/sample-kato.csv")), "SAMPLE", SAMPLE_EFFECTIVE_FROM),
                importAkims(TabularFile.csv(reader("/reference/sample-akims.csv")), "SAMPLE", SAMPLE_EFFECTIVE_FROM),
                importBoundaries(GeoJson.read(resource("/reference/sample-boundaries.geojson")), "SAMPLE",
                        SAMPLE_EFFECTIVE_FROM, BadFeatures.REJECT));
    }

    @Transactional
    public Result importClassifier(TabularFile file, String source, LocalDate effectiveFrom) {
        file.requireColumns(CLASSIFIER_COLUMNS);
        boolean pointsGiven = file.header().stream().anyMatch(POINT_COLUMNS::contains);
        if (pointsGiven) {
            file.requireColumns(POINT_COLUMNS);
        }
        progress.start("classifier", file.rows().size());
        holdWritesUntilTheEnd();
        try {
            Map<String, TerritorialUnit> current = territory.currentByCode();
            List<Problem.FieldError> errors = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Set<String> regions = new HashSet<>();
            Map<TabularFile.Line, double[]> points = new HashMap<>();
            for (TabularFile.Line row : file.rows()) {
                validateClassifierRow(row, seen, current, effectiveFrom, errors);
                if (pointsGiven) {
                    double[] point = point(row, errors);
                    if (point != null) {
                        points.put(row, point);
                    }
                    TerritorialUnit unit = current.get(row.get("te"));
                    if (unit != null && unit.validFrom.isAfter(effectiveFrom) && !Arrays.equals(pointOf(unit), point)) {
                        errors.add(ImportProblem.at(row, "latitude", "before-version", "the point of " + unit.katoCode
                                + " in force since " + unit.validFrom + " cannot be changed from " + effectiveFrom));
                    }
                }
                if (KatoCode.isWellFormed(row.get("te"))) {
                    regions.add(row.get("te").substring(0, 2));
                }
            }
            // units of the regions in the file that the file no longer lists are retired from the effective date
            List<TerritorialUnit> retiring = current.values().stream()
                    .filter(u -> regions.contains(u.katoCode.substring(0, 2)) && !seen.contains(u.katoCode)).toList();
            for (TerritorialUnit unit : retiring) {
                if (!unit.validFrom.isBefore(effectiveFrom)) {
                    errors.add(new Problem.FieldError("effectiveFrom", "before-version", "Unit " + unit.katoCode
                            + " is missing from the file, but its version in force since " + unit.validFrom
                            + " cannot be retired on " + effectiveFrom));
                }
            }
            rejectIfAny(errors);
            Map<String, UnitKind> kinds = kinds(file.rows(), current);
            PlacePoints placePoints = new PlacePoints(areas(store.currentBoundaries()));

            long release = store.newRelease("CLASSIFIER", source, effectiveFrom, clock.instant());
            int added = 0;
            int changed = 0;
            int done = 0;
            for (TabularFile.Line row : file.rows()) {
                String code = row.get("te");
                UnitKind kind = kinds.get(code);
                TerritorialUnit unit = current.get(code);
                // a file without the point columns says nothing about points: those known are kept
                double[] point = pointsGiven ? points.get(row) : unit == null ? null : pointOf(unit);
                if (unit == null) {
                    TerritorialUnit fresh = new TerritorialUnit();
                    fresh.katoCode = code;
                    fresh.kind = kind;
                    fresh.level = kind.level();
                    fresh.validFrom = effectiveFrom;
                    fresh.releaseId = release;
                    fresh.nameKk = row.get("name_kaz");
                    fresh.nameRu = row.get("name_rus");
                    setPoint(fresh, point);
                    territory.persist(fresh);
                    publish(fresh, kinds, placePoints);
                    added++;
                } else if (!unit.nameKk.equals(row.get("name_kaz")) || !unit.nameRu.equals(row.get("name_rus"))
                        || unit.kind != kind || !Arrays.equals(pointOf(unit), point)) {
                    publish(newVersion(unit, effectiveFrom, release, v -> {
                        v.nameKk = row.get("name_kaz");
                        v.nameRu = row.get("name_rus");
                        v.kind = kind;
                        v.level = kind.level();
                        setPoint(v, point);
                    }), kinds, placePoints);
                    changed++;
                }
                if (++done % PROGRESS_STEP == 0) {
                    progress.advance("writing", done);
                }
            }
            for (TerritorialUnit unit : retiring) {
                unit.validTo = effectiveFrom;
                publish(unit, kinds, placePoints);
            }
            store.completeRelease(release, file.rows().size(), added + changed + retiring.size());
            entityManager.flush();
            progress.advance("written", done);
            progress.finish("classifier from " + source + " imported");
            return new Result(release, "CLASSIFIER", effectiveFrom, file.rows().size(), added, changed,
                    retiring.size(), List.of());
        } catch (RuntimeException e) {
            progress.finish("classifier from " + source + " rejected, nothing imported");
            throw e;
        }
    }

    @Transactional
    public Result importAkims(TabularFile file, String source, LocalDate effectiveFrom) {
        file.requireColumns(AKIM_COLUMNS);
        progress.start("akims", file.rows().size());
        holdWritesUntilTheEnd();
        try {
            Map<String, TerritorialUnit> current = territory.currentByCode();
            List<Problem.FieldError> errors = new ArrayList<>();
            Map<TabularFile.Line, Consumer<TerritorialUnit>> updates = new HashMap<>();
            for (TabularFile.Line row : file.rows()) {
                Consumer<TerritorialUnit> update = validateAkimRow(row, current, errors);
                if (update == null) {
                    continue;
                }
                updates.put(row, update);
                TerritorialUnit unit = current.get(row.get("rural_district_kato"));
                if (unit.validFrom.isAfter(effectiveFrom) && !sameAkim(unit, proposed(unit, update))) {
                    errors.add(ImportProblem.at(row, "rural_district_kato", "before-version", "the version of "
                            + unit.katoCode + " in force since " + unit.validFrom + " cannot be changed from "
                            + effectiveFrom));
                }
            }
            rejectIfAny(errors);
            long release = store.newRelease("AKIMS", source, effectiveFrom, clock.instant());
            int changed = 0;
            Map<String, UnitKind> kinds = kinds(List.of(), current);
            PlacePoints placePoints = new PlacePoints(areas(store.currentBoundaries()));
            for (TabularFile.Line row : file.rows()) {
                TerritorialUnit unit = current.get(row.get("rural_district_kato"));
                if (!sameAkim(unit, proposed(unit, updates.get(row)))) {
                    publish(newVersion(unit, effectiveFrom, release, updates.get(row)), kinds, placePoints);
                    changed++;
                }
            }
            store.completeRelease(release, file.rows().size(), changed);
            entityManager.flush();
            progress.advance("written", file.rows().size());
            progress.finish("akims from " + source + " imported");
            return new Result(release, "AKIMS", effectiveFrom, file.rows().size(), 0, changed, 0, List.of());
        } catch (RuntimeException e) {
            progress.finish("akims from " + source + " rejected, nothing imported");
            throw e;
        }
    }

    /** What {@link #republish()} put on the territory topic again. */
    public record Republished(int units, int settlements) {
    }

    /**
     * Publishes every unit's and place's version in force again, as routing describes it today: for a consumer that
     * read the compacted topic before a field was added (the units' {@code kind}), or whose copy was lost, without a
     * release. Retired units keep the last record they have; nothing in the reference changes.
     */
    @Transactional
    public Republished republish() {
        Map<String, TerritorialUnit> current = territory.currentByCode();
        Map<String, UnitKind> kinds = kinds(List.of(), current);
        PlacePoints placePoints = new PlacePoints(areas(store.currentBoundaries()));
        int settlements = 0;
        for (TerritorialUnit unit : current.values()) {
            publish(unit, kinds, placePoints);
            settlements += unit.level == TerritorialLevel.SETTLEMENT ? 1 : 0;
        }
        return new Republished(current.size() - settlements, settlements);
    }

    /**
     * Boundaries from a GeoJSON file: each feature names its unit by code, or by name within its parent feature
     * ({@link FeatureCodes}). Every feature that cannot be imported has one problem; with {@link BadFeatures#REJECT}
     * any problem rejects the whole file, with {@link BadFeatures#SKIP} the other features are imported and the
     * answer lists the problems — unless no feature is left.
     */
    @Transactional
    public Result importBoundaries(GeoJson.Parsed file, String source, LocalDate effectiveFrom, BadFeatures bad) {
        progress.start("boundaries", file.total());
        holdWritesUntilTheEnd();
        try {
            Map<String, TerritorialUnit> current = territory.currentByCode();
            Map<String, ReferenceStore.StoredBoundary> boundaries = store.currentBoundaries();
            Map<Integer, Problem.FieldError> problems = new TreeMap<>(file.problems());
            List<GeoJson.Feature> coded = FeatureCodes.resolve(file.features(), current.values(), problems);
            progress.advance("matched", 0);
            Map<String, GeoJson.Feature> byCode = new HashMap<>();
            for (GeoJson.Feature feature : coded.stream().sorted(Comparator.comparingInt(GeoJson.Feature::index)).toList()) {
                Problem.FieldError problem = boundaryProblem(feature, current.get(feature.katoCode()),
                        boundaries.get(feature.katoCode()), byCode.get(feature.katoCode()), effectiveFrom);
                if (problem == null) {
                    byCode.put(feature.katoCode(), feature);
                } else {
                    problems.put(feature.index(), problem);
                }
            }
            List<Problem.FieldError> notImported = List.copyOf(problems.values());
            if (!notImported.isEmpty() && (bad == BadFeatures.REJECT || byCode.isEmpty())) {
                throw new ImportProblem(notImported);
            }
            List<GeoJson.Feature> features = byCode.values().stream()
                    .sorted(Comparator.comparingInt(GeoJson.Feature::index)).toList();
            notImported.forEach(problem -> LOG.infof("Boundary import from %s: %s", source, problem.message()));
            long release = store.newRelease("BOUNDARIES", source, effectiveFrom, clock.instant());
            int added = 0;
            int changed = 0;
            int done = 0;
            for (GeoJson.Feature feature : features) {
                ReferenceStore.StoredBoundary stored = boundaries.get(feature.katoCode());
                if (stored == null) {
                    store.insertBoundary(feature.katoCode(), effectiveFrom, feature.geometryJson(), release);
                    added++;
                } else if (!GeoJson.geometry(stored.geojson()).equalsExact(feature.area())) {
                    if (stored.validFrom().equals(effectiveFrom)) {
                        store.replaceBoundary(stored.id(), feature.geometryJson(), release);
                    } else {
                        store.closeBoundary(stored.id(), effectiveFrom);
                        store.insertBoundary(feature.katoCode(), effectiveFrom, feature.geometryJson(), release);
                    }
                    changed++;
                }
                if (++done % PROGRESS_STEP == 0) {
                    progress.advance("writing", done);
                }
            }
            int moved = republishMovedPoints(current, boundaries, features);
            store.completeRelease(release, file.total(), added + changed);
            entityManager.flush();
            progress.advance("written", file.total());
            progress.finish("boundaries from " + source + " imported: " + features.size() + " features, "
                    + notImported.size() + " not imported; " + moved + " places' points moved");
            return new Result(release, "BOUNDARIES", effectiveFrom, file.total(), added, changed, 0, notImported);
        } catch (RuntimeException e) {
            progress.finish("boundaries from " + source + " rejected, nothing imported");
            throw e;
        }
    }

    /**
     * Why the feature's boundary cannot be imported, or null. Routing keeps the boundaries of bodies' units (region,
     * district, city administration, rural-level unit), one per unit and file.
     */
    private static Problem.FieldError boundaryProblem(GeoJson.Feature feature, TerritorialUnit unit,
                                                      ReferenceStore.StoredBoundary stored, GeoJson.Feature earlier,
                                                      LocalDate effectiveFrom) {
        String field = "features[" + feature.index() + "].properties.kato";
        if (unit == null || unit.level == TerritorialLevel.SETTLEMENT) {
            return new Problem.FieldError(field, "unknown", feature.label() + ": " + feature.katoCode()
                    + " is no region, district, city administration or rural-level unit in the classifier");
        }
        if (earlier != null) {
            return new Problem.FieldError(field, "duplicate", feature.label() + ": " + feature.katoCode()
                    + " has a boundary earlier in the file (feature " + earlier.index() + ")");
        }
        if (stored != null && stored.validFrom().isAfter(effectiveFrom)
                && !GeoJson.geometry(stored.geojson()).equalsExact(feature.area())) {
            return new Problem.FieldError(field, "before-version", feature.label() + ": the boundary of "
                    + feature.katoCode() + " in force since " + stored.validFrom() + " cannot be replaced from "
                    + effectiveFrom);
        }
        return null;
    }

    /**
     * A place without a point of its own is shown inside the boundary of the smallest unit containing it: republish
     * every place whose point the new boundaries moved (or gave it a first one), so that the replicas show it there.
     */
    private int republishMovedPoints(Map<String, TerritorialUnit> current,
                                     Map<String, ReferenceStore.StoredBoundary> before, List<GeoJson.Feature> features) {
        Map<String, Geometry> areasBefore = areas(before);
        Map<String, Geometry> areasAfter = new HashMap<>(areasBefore);
        features.forEach(feature -> areasAfter.put(feature.katoCode(), feature.area()));
        PlacePoints was = new PlacePoints(areasBefore);
        PlacePoints is = new PlacePoints(areasAfter);
        Map<String, UnitKind> kinds = kinds(List.of(), current);
        int moved = 0;
        for (TerritorialUnit unit : current.values()) {
            if (pointOf(unit) == null && !was.of(unit).equals(is.of(unit))) {
                publish(unit, kinds, is);
                moved++;
            }
        }
        return moved;
    }

    private static Map<String, Geometry> areas(Map<String, ReferenceStore.StoredBoundary> boundaries) {
        Map<String, Geometry> areas = new HashMap<>(boundaries.size());
        boundaries.forEach((kato, stored) -> areas.put(kato, GeoJson.geometry(stored.geojson())));
        return areas;
    }

    /** The row's latitude and longitude, both or neither, in Kazakhstan; null when none, or with the problems. */
    private static double[] point(TabularFile.Line row, List<Problem.FieldError> errors) {
        String latitude = row.get("latitude");
        String longitude = row.get("longitude");
        if (latitude.isEmpty() && longitude.isEmpty()) {
            return null;
        }
        int before = errors.size();
        for (String[] cell : new String[][]{{"latitude", latitude}, {"longitude", longitude}}) {
            if (cell[1].isEmpty()) {
                errors.add(ImportProblem.at(row, cell[0], "required", "latitude and longitude come together"));
            } else if (!DECIMAL.matcher(cell[1]).matches()) {
                errors.add(ImportProblem.at(row, cell[0], "number", "not a number of degrees: «" + cell[1] + "»"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        double[] point = {Double.parseDouble(latitude.replace(',', '.')), Double.parseDouble(longitude.replace(',', '.'))};
        if (!Kazakhstan.mayContain(point[0], point[1])) {
            errors.add(ImportProblem.at(row, "latitude", "outside-kazakhstan", "the point " + latitude + ", "
                    + longitude + " is not in Kazakhstan (" + Kazakhstan.MIN_LATITUDE + "–" + Kazakhstan.MAX_LATITUDE
                    + "° N, " + Kazakhstan.MIN_LONGITUDE + "–" + Kazakhstan.MAX_LONGITUDE
                    + "° E): latitude and longitude swapped?"));
            return null;
        }
        return point;
    }

    private static double[] pointOf(TerritorialUnit unit) {
        return unit.latitude == null ? null : new double[]{unit.latitude, unit.longitude};
    }

    private static void setPoint(TerritorialUnit unit, double[] point) {
        unit.latitude = point == null ? null : point[0];
        unit.longitude = point == null ? null : point[1];
    }

    /**
     * Every outbox row is a native insert, which would flush — and dirty-check — the thousands of units this
     * transaction holds, once per settlement. Writing them once at the end keeps a national import linear.
     */
    private void holdWritesUntilTheEnd() {
        entityManager.setFlushMode(FlushModeType.COMMIT);
    }

    private static void validateClassifierRow(TabularFile.Line row, Set<String> seen,
                                              Map<String, TerritorialUnit> current, LocalDate effectiveFrom,
                                              List<Problem.FieldError> errors) {
        String code = row.get("te");
        if (!KatoCode.isWellFormed(code)) {
            errors.add(ImportProblem.at(row, "te", "pattern", "not a 9-digit KATO code: «" + code + "»"));
            return;
        }
        if (!seen.add(code)) {
            errors.add(ImportProblem.at(row, "te", "duplicate", "KATO code " + code + " appears twice"));
        }
        // the official file repeats the code's parts in their own columns: they must agree with it
        String[][] parts = {{"ab", code.substring(0, 2)}, {"cd", code.substring(2, 4)}, {"ef", code.substring(4, 6)},
                {"hij", code.substring(6, 9)}};
        for (String[] part : parts) {
            String given = row.get(part[0]);
            if (!given.isEmpty() && !given.equals(part[1]) && !stripZeros(given).equals(stripZeros(part[1]))) {
                errors.add(ImportProblem.at(row, part[0], "mismatch", "«" + given + "» disagrees with te " + code));
            }
        }
        if (!row.get("k").isEmpty() && !row.get("k").matches("\\d{1,2}")) {
            errors.add(ImportProblem.at(row, "k", "pattern", "not a level number: «" + row.get("k") + "»"));
        }
        for (String column : List.of("name_kaz", "name_rus")) {
            String name = row.get(column);
            if (name.isBlank()) {
                errors.add(ImportProblem.at(row, column, "required", "the name is empty"));
            } else if (name.length() > 200) {
                errors.add(ImportProblem.at(row, column, "too-long", "the name is longer than 200 characters"));
            }
        }
        TerritorialUnit unit = current.get(code);
        if (unit != null && unit.validFrom.isAfter(effectiveFrom)
                && (!unit.nameKk.equals(row.get("name_kaz")) || !unit.nameRu.equals(row.get("name_rus")))) {
            errors.add(ImportProblem.at(row, "te", "before-version", "the version of " + code + " in force since "
                    + unit.validFrom + " cannot be changed from " + effectiveFrom));
        }
    }

    private static TerritorialUnit proposed(TerritorialUnit unit, Consumer<TerritorialUnit> update) {
        TerritorialUnit proposed = unit.nextVersion(unit.validFrom, 0);
        update.accept(proposed);
        return proposed;
    }

    /**
     * The units the akims' register speaks of: the rural-level akimats, whose residents all live in them, and the
     * cities governed at the district level, whose population is the city's own — a city administration's without the
     * rural districts it also governs. A district's or region's residents are their units' sum, never a row of their
     * own.
     */
    private static boolean keepsAkimsRegister(TerritorialUnit unit) {
        return unit.level == TerritorialLevel.RURAL_DISTRICT
                || unit.kind == UnitKind.CITY_ADMINISTRATION || unit.kind == UnitKind.CITY_DISTRICT;
    }

    private static Consumer<TerritorialUnit> validateAkimRow(TabularFile.Line row, Map<String, TerritorialUnit> current,
                                                             List<Problem.FieldError> errors) {
        int before = errors.size();
        String code = row.get("rural_district_kato");
        TerritorialUnit unit = current.get(code);
        if (unit == null || !keepsAkimsRegister(unit)) {
            errors.add(ImportProblem.at(row, "rural_district_kato", "unknown", "no rural district «" + code
                    + "» in the classifier (nor a village or settlement akimat, town, town administration, city "
                    + "administration or city district)" + (unit == null ? "" : ": it is a " + unit.describe())));
        }
        if (row.get("akim_name").isBlank() || row.get("akim_name").length() > 200) {
            errors.add(ImportProblem.at(row, "akim_name", "required", "the akim's name must have 1 to 200 characters"));
        }
        LocalDate electedSince = null;
        if (!row.get("elected_since").isEmpty()) {
            try {
                electedSince = LocalDate.parse(row.get("elected_since"));
            } catch (DateTimeParseException e) {
                errors.add(ImportProblem.at(row, "elected_since", "date", "not a date (YYYY-MM-DD): «"
                        + row.get("elected_since") + "»"));
            }
        }
        Integer population = null;
        if (!row.get("population").isEmpty()) {
            if (row.get("population").matches("\\d{1,9}")) {
                population = Integer.valueOf(row.get("population"));
            } else {
                errors.add(ImportProblem.at(row, "population", "number", "not a whole number of residents: «"
                        + row.get("population") + "»"));
            }
        }
        String phone = blankToNull(row.get("office_phone"));
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{5,31}")) {
            errors.add(ImportProblem.at(row, "office_phone", "pattern", "not a phone number: «" + phone + "»"));
        }
        String email = blankToNull(row.get("office_email"));
        if (email != null && (!email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 254)) {
            errors.add(ImportProblem.at(row, "office_email", "pattern", "not an e-mail address: «" + email + "»"));
        }
        if (errors.size() > before) {
            return null;
        }
        String name = row.get("akim_name");
        LocalDate since = electedSince;
        Integer residents = population;
        return v -> {
            v.akimName = name;
            v.akimElectedSince = since;
            v.population = residents;
            v.officePhone = phone;
            v.officeEmail = email;
        };
    }

    /** Closes the unit's version and adds the changed one from the day; a change on the version's own day corrects it. */
    private TerritorialUnit newVersion(TerritorialUnit unit, LocalDate day, long release,
                                       Consumer<TerritorialUnit> change) {
        if (unit.validFrom.equals(day)) {
            change.accept(unit);
            unit.releaseId = release;
            return unit;
        }
        TerritorialUnit next = unit.nextVersion(day, release);
        change.accept(next);
        unit.validTo = day;
        territory.persist(next);
        return next;
    }

    private static boolean sameAkim(TerritorialUnit a, TerritorialUnit b) {
        return Objects.equals(a.akimName, b.akimName) && Objects.equals(a.akimElectedSince, b.akimElectedSince)
                && Objects.equals(a.population, b.population) && Objects.equals(a.officePhone, b.officePhone)
                && Objects.equals(a.officeEmail, b.officeEmail);
    }

    /** The kind of every unit in force and of every unit of the file, which overrides it. */
    private static Map<String, UnitKind> kinds(List<TabularFile.Line> rows, Map<String, TerritorialUnit> current) {
        Map<String, UnitKind> known = new HashMap<>(current.size());
        current.forEach((code, unit) -> known.put(code, unit.kind));
        return UnitKind.of(known, rows.stream()
                .map(row -> new UnitKind.Named(row.get("te"), row.get("name_rus"), row.get("name_kaz"))).toList());
    }

    /**
     * Every version a release writes goes onto the territory topic: localities (cities included) as settlements,
     * with the rural-level unit and the district they lie in, if any; every unit with an akim as a unit.
     */
    private void publish(TerritorialUnit unit, Map<String, UnitKind> kinds, PlacePoints points) {
        KatoCode code = unit.code();
        Point point = points.of(unit).map(p -> new Point(p.latitude(), p.longitude(),
                PointSource.valueOf(p.source().name()), p.boundaryKato())).orElse(null);
        if (unit.level == TerritorialLevel.SETTLEMENT) {
            outbox.record(new SettlementPublished(unit.katoCode,
                    nearestAbove(code, TerritorialLevel.RURAL_DISTRICT, kinds),
                    nearestAbove(code, TerritorialLevel.DISTRICT, kinds), code.region(), unit.nameKk, unit.nameRu,
                    unit.validFrom, unit.validTo, clock.instant(), point));
            return;
        }
        outbox.record(new TerritorialUnitPublished(unit.katoCode, UnitLevel.valueOf(unit.level.name()),
                unit.level == TerritorialLevel.RURAL_DISTRICT ? nearestAbove(code, TerritorialLevel.DISTRICT, kinds)
                        : null, code.region(), unit.nameKk, unit.nameRu, unit.population, unit.akimName,
                unit.akimElectedSince, unit.validFrom, unit.validTo, clock.instant(), point,
                TerritoryEvents.UnitKind.valueOf(unit.kind.name())));
    }

    private static String nearestAbove(KatoCode code, TerritorialLevel level, Map<String, UnitKind> kinds) {
        return code.ancestors().stream().filter(c -> kinds.containsKey(c) && kinds.get(c).level() == level)
                .findFirst().orElse(null);
    }

    private static void rejectIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ImportProblem(errors);
        }
    }

    private static String stripZeros(String digits) {
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static InputStreamReader reader(String path) {
        return new InputStreamReader(resource(path), StandardCharsets.UTF_8);
    }

    private static InputStream resource(String path) {
        InputStream in = TerritoryImport.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing bundled resource " + path);
        }
        return in;
    }
}
