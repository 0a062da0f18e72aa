package org.reprodiff.chart;

import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * A JFreeChart dataset that reads its series straight from {@link SampleBuffer}s: no data item objects, no copy.
 * The buffers are refilled in place between frames; {@link #changed()} then tells the plot once. x is ascending in
 * every series, which lets the renderer skip what lies outside the visible range.
 */
final class SampledXYDataset extends AbstractXYDataset {
    private final String[] keys;
    private final SampleBuffer[] series;

    SampledXYDataset(String... keys) {
        this.keys = keys.clone();
        this.series = new SampleBuffer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            series[i] = new SampleBuffer(1024);
        }
    }

    SampleBuffer buffer(int s) {
        return series[s];
    }

    void changed() {
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return keys.length;
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        return keys[s];
    }

    @Override
    public int getItemCount(int s) {
        return series[s].size();
    }

    @Override
    public Number getX(int s, int item) {
        return series[s].x(item);
    }

    @Override
    public Number getY(int s, int item) {
        return series[s].y(item);
    }

    @Override
    public double getXValue(int s, int item) {
        return series[s].x(item);
    }

    @Override
    public double getYValue(int s, int item) {
        return series[s].y(item);
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }
}
