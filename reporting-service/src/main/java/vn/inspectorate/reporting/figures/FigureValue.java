package vn.inspectorate.reporting.figures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One figure for a period with the same period of the previous year and the change in percent (two decimals, exact
 * half-up rounding; null when the previous value is 0 or the figure is a "now" figure).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ReportFigureValue")
public record FigureValue(String figure, String label, String unit, long value, @Schema(nullable = true) Long previousValue,
        @Schema(nullable = true) BigDecimal changePercent) {

    public static FigureValue of(Figure f, long value, Long previous) {
        return new FigureValue(f.code(), f.label(), f.unit().name(), value, previous, change(value, previous));
    }

    public static BigDecimal change(long value, Long previous) {
        if (previous == null || previous == 0) {
            return null;
        }
        return BigDecimal.valueOf(value - previous).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous), 2, RoundingMode.HALF_UP);
    }
}
