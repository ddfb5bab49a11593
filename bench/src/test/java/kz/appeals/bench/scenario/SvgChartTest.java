package kz.appeals.bench.scenario;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String tag, String cssClass) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (cssClass == null || element.getAttribute("class").contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    @Test
    void rendersWellFormedSvgWithAxesTicksAndOnePolylinePerSeries() throws Exception {
        SvgChart.Panel throughput = new SvgChart.Panel("Throughput", "per second", false, List.of(
                new SvgChart.Series("submit", "#1f77b4", null, List.of(new SvgChart.Point(1, 40),
                        new SvgChart.Point(2, 38), new SvgChart.Point(3, 41))),
                new SvgChart.Series("routed", "#d62728", null, List.of(new SvgChart.Point(1, 0),
                        new SvgChart.Point(2, 35), new SvgChart.Point(3, 40)))));
        SvgChart.Panel latency = new SvgChart.Panel("Latency", "ms", true, List.of(
                new SvgChart.Series("p99", "#1f77b4", null, List.of(new SvgChart.Point(1, 12.5),
                        new SvgChart.Point(2, 0), new SvgChart.Point(3, 3100)))));
        Document svg = parse(SvgChart.render("run <1> & more", "seconds", List.of(throughput, latency)));

        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(2, elements(svg, "g", "panel").size());
        assertEquals(2, elements(svg, "line", "x-axis").size());
        assertEquals(2, elements(svg, "line", "y-axis").size());
        List<Element> series = elements(svg, "polyline", "series");
        assertEquals(List.of("submit", "routed", "p99"), series.stream().map(e -> e.getAttribute("data-series")).toList());
        assertEquals(3, series.get(0).getAttribute("points").split(" ").length);
        // a log panel cannot show 0: that interval's point is left out
        assertEquals(2, series.get(2).getAttribute("points").split(" ").length);
        // the title is escaped, so the document parsed; its text is intact
        assertTrue(elements(svg, "text", null).stream().anyMatch(t -> t.getTextContent().equals("run <1> & more")));
        // linear axis 0..50 (nice ceiling of 41), log axis 10..10,000 ms
        List<String> yTicks = elements(svg, "text", "y-tick").stream().map(Element::getTextContent).toList();
        assertTrue(yTicks.containsAll(List.of("0", "10", "50")), yTicks.toString());
        assertTrue(yTicks.containsAll(List.of("10", "100", "1000", "10k")), yTicks.toString());
        assertEquals(1, elements(svg, "text", "x-label").size());
    }

    @Test
    void higherValuesAreDrawnHigher() throws Exception {
        SvgChart.Panel panel = new SvgChart.Panel("p", "y", false, List.of(new SvgChart.Series("s", "#000", null,
                List.of(new SvgChart.Point(0, 10), new SvgChart.Point(10, 100)))));
        String[] points = elements(parse(SvgChart.render("t", "x", List.of(panel))), "polyline", "series").get(0)
                .getAttribute("points").split(" ");
        double[] first = xy(points[0]);
        double[] last = xy(points[1]);
        assertTrue(last[0] > first[0], "later is to the right");
        assertTrue(last[1] < first[1], "larger is higher (smaller SVG y)");
    }

    private static double[] xy(String point) {
        String[] parts = point.split(",");
        return new double[]{Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    @Test
    void niceCeilingsAndLabels() {
        assertEquals(50, SvgChart.niceCeiling(41));
        assertEquals(100, SvgChart.niceCeiling(100));
        assertEquals(250, SvgChart.niceCeiling(201));
        assertEquals(60, SvgChart.niceCeiling(52));
        assertEquals(0.8, SvgChart.niceCeiling(0.7), 1e-9);
        assertEquals("0.5", SvgChart.label(0.5));
        assertEquals("12.5", SvgChart.label(12.5));
        assertEquals("20", SvgChart.label(20));
        assertEquals("25k", SvgChart.label(25_000));
        assertThrows(IllegalArgumentException.class, () -> SvgChart.render("t", "x", List.of()));
    }

    @Test
    void scenarioChartHasThroughputAndOneLatencyPanelPerStageThatCompletedAnything() throws Exception {
        IntervalRecorder recorder = new IntervalRecorder(List.of("submit", "routed", "escalated"));
        recorder.record("submit", 3_000);
        recorder.record("routed", 900_000);
        recorder.tick(1, 1.0);
        recorder.record("submit", 4_000);
        recorder.tick(2, 1.2);
        Document svg = parse(ScenarioChart.render("scenario", recorder.stages(), recorder.intervals()));

        List<String> panels = elements(svg, "g", "panel").stream().map(e -> e.getAttribute("data-title")).toList();
        assertEquals(List.of("Throughput per stage", "Latency: submit", "Latency: routed"), panels);
        List<Element> series = elements(svg, "polyline", "series");
        // three throughput lines, then p50/p90/p99 for each of the two stages with samples
        assertEquals(3 + 2 * 3, series.size());
        Map<String, Integer> expectedPoints = Map.of("submit", 2, "routed", 2, "escalated", 2);
        for (int i = 0; i < 3; i++) {
            String name = series.get(i).getAttribute("data-series");
            assertEquals(expectedPoints.get(name), series.get(i).getAttribute("points").split(" ").length);
        }
        // routed completed in one interval only: one point per percentile line, each marked to be visible
        assertEquals(1, series.get(6).getAttribute("points").split(" ").length);
        assertEquals(3, elements(svg, "circle", "marker").size());
    }
}
