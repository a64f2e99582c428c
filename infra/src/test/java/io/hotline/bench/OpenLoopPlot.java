package io.hotline.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Latency against offered rate, p50 (solid) and p99 (dashed), one pair of lines per engine and workload, on a
 * logarithmic latency axis (a saturated system's seconds and an idle one's milliseconds on one chart). Drawn by
 * JFreeChart into a PNG with headless AWT.
 */
final class OpenLoopPlot {

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e)};

    private OpenLoopPlot() {
    }

    /** {@code lines}: a label (engine and workload) to its results, one per offered rate. */
    static void write(Path png, Map<String, List<OpenLoop.Result>> lines) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<OpenLoop.Result>> line : lines.entrySet()) {
            XYSeries p50 = new XYSeries(line.getKey() + " p50");
            XYSeries p99 = new XYSeries(line.getKey() + " p99");
            for (OpenLoop.Result result : line.getValue()) {
                if (result.latencies().count() > 0) {
                    p50.add(result.offered(), Math.max(0.1, result.latencies().millisAt(50)));
                    p99.add(result.offered(), Math.max(0.1, result.latencies().millisAt(99)));
                }
            }
            data.addSeries(p50);
            data.addSeries(p99);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Latency against offered rate (open loop)",
                "offered registrations per second", "latency from the scheduled start, ms", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogarithmicAxis latency = new LogarithmicAxis("latency from the scheduled start, ms (log scale)");
        latency.setStrictValuesFlag(false);
        plot.setRangeAxis(latency);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f);
        for (int series = 0; series < data.getSeriesCount(); series++) {
            renderer.setSeriesPaint(series, COLOURS[(series / 2) % COLOURS.length]);
            renderer.setSeriesStroke(series, series % 2 == 0 ? new BasicStroke(2f) : dashed);
        }
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 600);
    }
}
