package kz.appeals.bench.scenario;

import kz.appeals.bench.scenario.IntervalRecorder.Interval;
import kz.appeals.bench.scenario.IntervalRecorder.StageInterval;
import kz.appeals.bench.scenario.SvgChart.Panel;
import kz.appeals.bench.scenario.SvgChart.Point;
import kz.appeals.bench.scenario.SvgChart.Series;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A scenario's chart from its intervals: one panel with every stage's throughput per second, then one panel per
 * stage that completed anything, with its p50, p90 and p99 latency per second on a logarithmic axis (latencies of
 * one run span milliseconds to tens of seconds).
 */
public final class ScenarioChart {

    private ScenarioChart() {
    }

    public static String render(String title, List<String> stages, List<Interval> intervals) {
        List<Panel> panels = new ArrayList<>();
        List<Series> throughput = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            String stage = stages.get(s);
            List<Point> perSecond = new ArrayList<>();
            for (Interval interval : intervals) {
                perSecond.add(new Point(interval.second(), interval.perSecond(stage)));
            }
            throughput.add(new Series(stage, color(s), null, perSecond));
        }
        panels.add(new Panel("Throughput per stage", "completed per second", false, throughput));
        for (int s = 0; s < stages.size(); s++) {
            String stage = stages.get(s);
            if (intervals.stream().allMatch(i -> i.stages().get(stage).count() == 0)) {
                continue;
            }
            String color = color(s);
            panels.add(new Panel("Latency: " + stage, "ms", true, List.of(
                    new Series("p50", color, "2,3", points(intervals, stage, StageInterval::p50Ms)),
                    new Series("p90", color, "6,3", points(intervals, stage, StageInterval::p90Ms)),
                    new Series("p99", color, null, points(intervals, stage, StageInterval::p99Ms)))));
        }
        return SvgChart.render(title, "seconds since start", panels);
    }

    /** Leaves out intervals in which the stage completed nothing: no latency to show. */
    private static List<Point> points(List<Interval> intervals, String stage, ToDoubleFunction<StageInterval> value) {
        List<Point> points = new ArrayList<>();
        for (Interval interval : intervals) {
            StageInterval stageInterval = interval.stages().get(stage);
            if (stageInterval.count() == 0) {
                continue;
            }
            points.add(new Point(interval.second(), value.applyAsDouble(stageInterval)));
        }
        return points;
    }

    private static String color(int index) {
        return SvgChart.PALETTE.get(index % SvgChart.PALETTE.size());
    }
}
