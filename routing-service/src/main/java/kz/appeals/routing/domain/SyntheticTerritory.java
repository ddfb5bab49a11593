package kz.appeals.routing.domain;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SYNTHETIC territory, never official data: a national-size classifier (20 regions, about 200 districts, 2,334
 * rural districts, about 7,000 settlements) with Kazakh-like names and boundaries that tile a part of the country,
 * for benchmarks; and the boundaries of the bundled SAMPLE region. Deterministic for a given seed.
 *
 * <p>Boundaries tile the area without gaps or overlaps: each region is a cell of a grid, split into straight district
 * columns, split into rural district rows whose shared edges carry the same jittered points on both sides; a
 * polygon has {@code 4 × (EDGE_POINTS + 1)} vertices, like a coarse real boundary.
 */
public final class SyntheticTerritory {

    public static final int REGIONS = 20;
    public static final int RURAL_DISTRICTS = 2_334;
    public static final LocalDate IN_FORCE_FROM = LocalDate.of(2025, 1, 1);
    private static final int EDGE_POINTS = 8;
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private static final String[] STEMS = {"Ақ", "Қара", "Көк", "Сары", "Жаңа", "Ескі", "Ұлы", "Кіші", "Таз", "Алтын",
        "Күміс", "Шұбар", "Қызыл", "Бес", "Үш", "Ащы", "Тұщы", "Боз", "Ор", "Сол"};
    private static final String[] ROOTS = {"су", "бұлақ", "төбе", "жар", "көл", "тоғай", "кент", "арық", "қайың",
        "терек", "шилі", "құдық", "адыр", "сай", "тау", "қамыс", "өзек", "бейіт", "қоңыр", "дала", "тал", "шоқы"};

    /** The generated classifier units and boundaries. */
    public record Data(List<TerritorialUnit> units, List<Boundary> boundaries) {
    }

    private SyntheticTerritory() {
    }

    /** The national-size set. Regions get codes 11, 13, … (odd, never the SAMPLE's 99). */
    public static Data national(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TerritorialUnit> units = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        int ruralLeft = RURAL_DISTRICTS;
        // 5 × 4 grid of regions over 43–53° N, 50–82° E
        double width = (82.0 - 50.0) / 5;
        double height = (53.0 - 43.0) / 4;
        for (int r = 0; r < REGIONS; r++) {
            String ab = String.valueOf(11 + 2 * r);
            String regionName = name(random);
            units.add(unit(ab + "0000000", regionName + " облысы", russian(regionName) + " область (SYNTHETIC)"));
            int ruralInRegion = ruralLeft / (REGIONS - r);
            ruralLeft -= ruralInRegion;
            int districts = 9 + random.nextInt(3);
            int[] ruralPerDistrict = split(ruralInRegion, districts);
            Map<String, List<String>> layout = new LinkedHashMap<>();
            for (int d = 0; d < districts; d++) {
                String cd = String.format("%02d", 10 + d * 2);
                String districtName = name(random);
                units.add(unit(ab + cd + "00000", districtName + " ауданы", russian(districtName) + "ский район"));
                List<String> ruralCodes = new ArrayList<>();
                for (int e = 0; e < ruralPerDistrict[d]; e++) {
                    String ef = String.format("%02d", 21 + e);
                    String rural = ab + cd + ef + "000";
                    ruralCodes.add(rural);
                    String ruralName = name(random);
                    units.add(unit(rural, ruralName + " ауылдық округі", russian(ruralName) + " сельский округ"));
                    // about 3 settlements per rural district, 7,000 in all
                    int settlements = 2 + random.nextInt(3);
                    for (int s = 1; s <= settlements; s++) {
                        String settlementName = s == 1 ? ruralName : name(random);
                        units.add(unit(ab + cd + ef + String.format("%03d", s), settlementName + " ауылы",
                                "село " + russian(settlementName)));
                    }
                }
                layout.put(ab + cd + "00000", ruralCodes);
            }
            double x0 = 50.0 + (r % 5) * width;
            double y0 = 43.0 + (r / 5) * height;
            boundaries.addAll(tile(x0, y0, x0 + width, y0 + height, layout, random));
        }
        return new Data(units, boundaries);
    }

    /**
     * Boundaries for one region's layout (district code → its rural districts' codes, south to north) inside the
     * given box; used for the SAMPLE region's boundaries file too.
     */
    public static List<Boundary> tile(double west, double south, double east, double north,
                                      Map<String, List<String>> ruralPerDistrict, SplittableRandom random) {
        List<Boundary> boundaries = new ArrayList<>();
        int districts = ruralPerDistrict.size();
        double columnWidth = (east - west) / districts;
        int d = 0;
        for (Map.Entry<String, List<String>> district : ruralPerDistrict.entrySet()) {
            double left = west + d * columnWidth;
            double right = left + columnWidth;
            int rows = district.getValue().size();
            double rowHeight = (north - south) / rows;
            double[][] horizontalJitter = jitter(rows + 1, random, rowHeight * 0.15);
            for (int row = 0; row < rows; row++) {
                double bottom = south + row * rowHeight;
                double top = bottom + rowHeight;
                List<Coordinate> ring = new ArrayList<>();
                edge(ring, left, bottom, right, bottom, horizontalJitter[row], row == 0, true);
                edge(ring, right, bottom, right, top, null, true, false);
                edge(ring, right, top, left, top, reversed(horizontalJitter[row + 1]), row + 1 == rows, true);
                edge(ring, left, top, left, bottom, null, true, false);
                ring.add(new Coordinate(ring.get(0)));
                Geometry area = GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
                boundaries.add(new Boundary(district.getValue().get(row), IN_FORCE_FROM, null, area));
            }
            d++;
        }
        return boundaries;
    }

    /** A point inside the given rural district's boundary (its interior point). */
    public static Coordinate pointInside(Boundary boundary) {
        return boundary.area().getInteriorPoint().getCoordinate();
    }

    private static void edge(List<Coordinate> ring, double x0, double y0, double x1, double y1, double[] offsets,
                             boolean outer, boolean horizontal) {
        ring.add(new Coordinate(x0, y0));
        for (int i = 1; i <= EDGE_POINTS; i++) {
            double t = (double) i / (EDGE_POINTS + 1);
            double shift = outer ? 0 : offsets[i - 1];
            double x = x0 + (x1 - x0) * t + (horizontal ? 0 : shift);
            double y = y0 + (y1 - y0) * t + (horizontal ? shift : 0);
            ring.add(new Coordinate(x, y));
        }
    }

    private static double[][] jitter(int edges, SplittableRandom random, double amplitude) {
        double[][] offsets = new double[edges][EDGE_POINTS];
        for (double[] edge : offsets) {
            for (int i = 0; i < edge.length; i++) {
                edge[i] = (random.nextDouble() - 0.5) * amplitude;
            }
        }
        return offsets;
    }

    private static double[] reversed(double[] offsets) {
        double[] copy = new double[EDGE_POINTS];
        for (int i = 0; i < EDGE_POINTS; i++) {
            copy[i] = offsets[EDGE_POINTS - 1 - i];
        }
        return copy;
    }

    private static int[] split(int total, int parts) {
        int[] counts = new int[parts];
        for (int i = 0; i < parts; i++) {
            counts[i] = total / parts + (i < total % parts ? 1 : 0);
        }
        return counts;
    }

    private static String name(SplittableRandom random) {
        return STEMS[random.nextInt(STEMS.length)] + ROOTS[random.nextInt(ROOTS.length)];
    }

    /** The usual Russian spelling of a Kazakh name: the letters Russian lacks become their nearest. */
    private static String russian(String kazakh) {
        StringBuilder out = new StringBuilder();
        for (char c : kazakh.toCharArray()) {
            out.append(switch (c) {
                case 'ә' -> 'а';
                case 'ғ' -> 'г';
                case 'қ' -> 'к';
                case 'Қ' -> 'К';
                case 'ң' -> 'н';
                case 'ө' -> 'о';
                case 'Ө' -> 'О';
                case 'ұ', 'ү' -> 'у';
                case 'Ұ', 'Ү' -> 'У';
                case 'һ' -> 'х';
                case 'і' -> 'и';
                default -> c;
            });
        }
        return out.toString();
    }

    private static TerritorialUnit unit(String code, String nameKk, String nameRu) {
        TerritorialUnit unit = new TerritorialUnit();
        unit.katoCode = code;
        unit.kind = UnitKind.of(new KatoCode(code), nameRu, nameKk, null);
        unit.level = unit.kind.level();
        unit.nameKk = nameKk;
        unit.nameRu = nameRu;
        unit.validFrom = IN_FORCE_FROM;
        return unit;
    }
}
