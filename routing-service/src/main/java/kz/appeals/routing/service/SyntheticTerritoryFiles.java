package kz.appeals.routing.service;

import kz.appeals.routing.domain.Boundary;
import kz.appeals.routing.domain.SyntheticTerritory;
import kz.appeals.routing.domain.TerritorialLevel;
import kz.appeals.routing.domain.TerritorialUnit;
import org.locationtech.jts.geom.Coordinate;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The SYNTHETIC territory written as the files routing imports: the classifier in the official file's columns, an
 * akims' register and GeoJSON boundaries. Every file says that it is synthetic.
 */
public final class SyntheticTerritoryFiles {

    private SyntheticTerritoryFiles() {
    }

    public static void classifier(SyntheticTerritory.Data data, Writer out) throws IOException {
        out.write("# SYNTHETIC classifier for benchmarks and tests: not official data\n");
        out.write("te;ab;cd;ef;hij;k;name_kaz;name_rus;nn\n");
        for (TerritorialUnit unit : data.units()) {
            String c = unit.katoCode;
            out.write(String.join(";", c, c.substring(0, 2), c.substring(2, 4), c.substring(4, 6), c.substring(6),
                    String.valueOf(unit.level.ordinal() + 1), unit.nameKk, unit.nameRu, "") + "\n");
        }
    }

    public static void akims(SyntheticTerritory.Data data, long seed, Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        out.write("# SYNTHETIC akims: invented people and contacts\n");
        out.write("rural_district_kato;akim_name;elected_since;population;office_phone;office_email\n");
        for (TerritorialUnit unit : data.units()) {
            if (unit.level == TerritorialLevel.RURAL_DISTRICT) {
                String prefix = unit.katoCode.substring(0, 6);
                out.write(String.join(";", unit.katoCode, "Synthetic Akim " + prefix,
                        "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10),
                        String.valueOf(500 + random.nextInt(9_500)), "+7700" + (1_000_000 + random.nextInt(9_000_000)),
                        "akimat-" + prefix + "@synthetic.invalid") + "\n");
            }
        }
    }

    public static void boundaries(SyntheticTerritory.Data data, Writer out) throws IOException {
        out.write("{\"type\":\"FeatureCollection\",\"name\":\"SYNTHETIC boundaries, not official data\",\"features\":[\n");
        for (int i = 0; i < data.boundaries().size(); i++) {
            Boundary boundary = data.boundaries().get(i);
            StringBuilder ring = new StringBuilder();
            for (Coordinate point : boundary.area().getCoordinates()) {
                ring.append(ring.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "[%.5f,%.5f]", point.x, point.y));
            }
            out.write("{\"type\":\"Feature\",\"properties\":{\"kato\":\"" + boundary.katoCode()
                    + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}"
                    + (i + 1 < data.boundaries().size() ? ",\n" : "\n"));
        }
        out.write("]}\n");
    }
}
