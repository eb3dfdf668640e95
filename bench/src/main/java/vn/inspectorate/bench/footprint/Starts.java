package vn.inspectorate.bench.footprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Repeated starts of one application: launch → ready and CPU to ready of each, summarised by their medians (one slow
 * start on a shared machine moves a median less than a mean), and compared with another's as ratios.
 */
final class Starts {

    private final List<Double> readySeconds = new ArrayList<>();
    private final List<Double> cpuSeconds = new ArrayList<>();

    void add(double ready, double cpu) {
        readySeconds.add(ready);
        cpuSeconds.add(cpu);
    }

    List<Double> readySeconds() {
        return List.copyOf(readySeconds);
    }

    double medianReady() {
        return median(readySeconds);
    }

    double medianCpu() {
        return median(cpuSeconds);
    }

    /** This application's medians divided by the yardstick's: launch → ready, and CPU to ready. */
    Ratios over(Starts yardstick) {
        return new Ratios(ratio(medianReady(), yardstick.medianReady()), ratio(medianCpu(), yardstick.medianCpu()));
    }

    record Ratios(double wall, double cpu) {
    }

    static double ratio(double value, double yardstick) {
        return yardstick > 0 ? value / yardstick : Double.NaN;
    }

    /** The middle value; of an even count the mean of the two middle ones; NaN of none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
