package kz.appeals.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as plain SVG: panels stacked vertically over one shared time axis, each with its own y axis (linear
 * or logarithmic), grid, tick labels and legend. Hand-written so that the benchmark needs no charting library; the
 * file opens in any browser and renders inline on GitHub.
 */
public final class SvgChart {

    public record Point(double x, double y) {
    }

    /** {@code dash} is an SVG stroke-dasharray, or null for a solid line. */
    public record Series(String name, String color, String dash, List<Point> points) {
    }

    /** On a logarithmic panel, points with y ≤ 0 are left out (no latency recorded in that interval). */
    public record Panel(String title, String yLabel, boolean logScale, List<Series> series) {
    }

    static final int WIDTH = 960;
    static final int PANEL_HEIGHT = 240;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int PANEL_GAP = 60;
    private static final int BOTTOM = 50;
    public static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
            "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22");

    private SvgChart() {
    }

    public static String render(String title, String xLabel, List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one panel");
        }
        double maxX = 1;
        for (Panel panel : panels) {
            for (Series series : panel.series()) {
                for (Point point : series.points()) {
                    maxX = Math.max(maxX, point.x());
                }
            }
        }
        double xMax = niceCeiling(maxX);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int height = TOP + panels.size() * (PANEL_HEIGHT + PANEL_GAP) - PANEL_GAP + BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        for (int p = 0; p < panels.size(); p++) {
            int top = TOP + p * (PANEL_HEIGHT + PANEL_GAP);
            panel(svg, panels.get(p), top, plotWidth, xMax, p == panels.size() - 1 ? xLabel : null);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(StringBuilder svg, Panel panel, int top, int plotWidth, double xMax, String xLabel) {
        int bottom = top + PANEL_HEIGHT;
        double yMin;
        double yMax;
        List<Double> yTicks = new ArrayList<>();
        if (panel.logScale()) {
            double lowest = Double.MAX_VALUE;
            double highest = 0;
            for (Series series : panel.series()) {
                for (Point point : series.points()) {
                    if (point.y() > 0) {
                        lowest = Math.min(lowest, point.y());
                        highest = Math.max(highest, point.y());
                    }
                }
            }
            if (highest == 0) {
                lowest = 1;
                highest = 10;
            }
            yMin = Math.pow(10, Math.floor(Math.log10(lowest)));
            yMax = Math.pow(10, Math.ceil(Math.log10(highest)));
            if (yMax <= yMin) {
                yMax = yMin * 10;
            }
            for (double tick = yMin; tick <= yMax * 1.0001; tick *= 10) {
                yTicks.add(tick);
            }
        } else {
            double highest = 0;
            for (Series series : panel.series()) {
                for (Point point : series.points()) {
                    highest = Math.max(highest, point.y());
                }
            }
            yMin = 0;
            yMax = niceCeiling(Math.max(highest, 1));
            double step = yMax / 5;
            for (int i = 0; i <= 5; i++) {
                yTicks.add(i * step);
            }
        }
        svg.append(String.format(Locale.ROOT, "<g class=\"panel\" data-title=\"%s\">%n", escape(panel.title())));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", LEFT,
                top - 8, escape(panel.title())));
        // grid and y tick labels
        for (double tick : yTicks) {
            double y = yPixel(tick, yMin, yMax, panel.logScale(), top, bottom);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#e0e0e0\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"y-tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">"
                    + "%s</text>%n", LEFT - 6, y + 4, label(tick)));
        }
        List<Double> xTicks = new ArrayList<>();
        double xStep = xMax / 10;
        for (int i = 0; i <= 10; i++) {
            xTicks.add(i * xStep);
        }
        for (double tick : xTicks) {
            double x = LEFT + tick / xMax * plotWidth;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#f0f0f0\"/>%n", x, top, x, bottom));
            svg.append(String.format(Locale.ROOT, "<text class=\"x-tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                    + "%s</text>%n", x, bottom + 16, label(tick)));
        }
        // axes
        svg.append(String.format(Locale.ROOT, "<line class=\"axis x-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                + "stroke=\"black\"/>%n", LEFT, bottom, LEFT + plotWidth, bottom));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis y-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                + "stroke=\"black\"/>%n", LEFT, top, LEFT, bottom));
        svg.append(String.format(Locale.ROOT, "<text class=\"y-label\" transform=\"translate(%d,%d) rotate(-90)\" "
                        + "text-anchor=\"middle\">%s</text>%n", 18, (top + bottom) / 2,
                escape(panel.yLabel() + (panel.logScale() ? " (log)" : ""))));
        if (xLabel != null) {
            svg.append(String.format(Locale.ROOT, "<text class=\"x-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                    + "%s</text>%n", LEFT + plotWidth / 2, bottom + 36, escape(xLabel)));
        }
        int legendY = top + 10;
        for (Series series : panel.series()) {
            StringBuilder points = new StringBuilder();
            int drawn = 0;
            double lastX = 0;
            double lastY = 0;
            for (Point point : series.points()) {
                if (panel.logScale() && point.y() <= 0) {
                    continue;
                }
                lastX = LEFT + point.x() / xMax * plotWidth;
                lastY = yPixel(point.y(), yMin, yMax, panel.logScale(), top, bottom);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", lastX, lastY));
                drawn++;
            }
            if (drawn == 1) {
                // a line through one point is invisible: mark it
                svg.append(String.format(Locale.ROOT, "<circle class=\"marker\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
                        + "fill=\"%s\"/>%n", lastX, lastY, series.color()));
            }
            String dash = series.dash() == null ? "" : " stroke-dasharray=\"" + series.dash() + "\"";
            svg.append(String.format(Locale.ROOT, "<polyline class=\"series\" data-series=\"%s\" fill=\"none\" "
                            + "stroke=\"%s\" stroke-width=\"1.5\"%s points=\"%s\"/>%n", escape(series.name()),
                    series.color(), dash, points.toString().trim()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                            + "stroke-width=\"2\"%s/>%n", LEFT + plotWidth + 12, legendY, LEFT + plotWidth + 36, legendY,
                    series.color(), dash));
            svg.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>%n",
                    LEFT + plotWidth + 42, legendY + 4, escape(series.name())));
            legendY += 18;
        }
        svg.append("</g>\n");
    }

    private static double yPixel(double value, double min, double max, boolean log, int top, int bottom) {
        double fraction = log
                ? (Math.log10(Math.max(value, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        return bottom - Math.min(1, Math.max(0, fraction)) * (bottom - top);
    }

    /** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least {@code value}. */
    static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[]{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (factor * magnitude >= value * (1 - 1e-9)) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String label(double value) {
        if (value != 0 && Math.abs(value) < 1) {
            return String.format(Locale.ROOT, "%s", stripZeros(String.format(Locale.ROOT, "%.3f", value)));
        }
        if (Math.abs(value) >= 10_000) {
            return stripZeros(String.format(Locale.ROOT, "%.1f", value / 1000)) + "k";
        }
        return stripZeros(String.format(Locale.ROOT, "%.1f", value));
    }

    private static String stripZeros(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
