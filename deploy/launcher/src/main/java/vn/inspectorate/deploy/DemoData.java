package vn.inspectorate.deploy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import vn.inspectorate.deploy.demo.Count;
import vn.inspectorate.deploy.demo.DemoGateway;
import vn.inspectorate.deploy.demo.DemoLoad;
import vn.inspectorate.deploy.demo.ExpectedFigures;
import vn.inspectorate.deploy.demo.Tally;

/**
 * The demo data behind {@code ./platform --demo-data}: for Ha Noi and Ninh Binh, a few months of citizen cases moved
 * through their lifecycle, a few of them on the watchlist with monthly progress reports, this year's inspection plans,
 * inspections opened (one from a denunciation, one running past its time) and concluded with figures and recoveries
 * overdue and partly paid, and Ha Noi officials' asset declarations, one of them flagged, with an asset controller's
 * verification plan, so that every report and every dashboard page has content.
 * Everything goes through the gateway with tokens of the realm's demo accounts, as a real client would. Loading twice
 * creates nothing new: every record has a stable natural key (source reference, plan year, decision number, citizen
 * id) or an {@code Idempotency-Key}.
 */
public final class DemoData {

    /** Business dates are Vietnamese days, as the services check them. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * What one load did: per kind of record, how many it created and how many it found already there; and the figures
     * the demo records add up to in the reporting service, by province and body.
     */
    public record Summary(Count cases, Count steps, Count plans, Count inspections, Count conclusions,
            Count declarants, Count declarations, List<ExpectedFigures> figures, String verificationPlanId,
            Duration took) {

        public boolean createdNothing() {
            return List.of(cases, steps, plans, inspections, conclusions, declarants, declarations).stream()
                    .allMatch(c -> c.created() == 0);
        }

        /**
         * One line for the console, e.g. {@code demo data: 54 cases, 2 plans, ... (all new) in 12.3 s; verification
         * plan <id>}.
         */
        public String line() {
            String records = String.format(Locale.ROOT, "%d cases, %d lifecycle steps, %d plans, %d inspections, "
                    + "%d conclusions, %d declarants, %d declarations", cases.total(), steps.total(), plans.total(),
                    inspections.total(), conclusions.total(), declarants.total(), declarations.total());
            int created = List.of(cases, steps, plans, inspections, conclusions, declarants, declarations).stream()
                    .mapToInt(Count::created).sum();
            int existing = List.of(cases, steps, plans, inspections, conclusions, declarants, declarations).stream()
                    .mapToInt(Count::existing).sum();
            String what = createdNothing() ? "demo data already present: " + records
                    : existing == 0 ? "demo data: " + records + " (all new)"
                    : "demo data: " + records + " (" + created + " written, " + existing + " already present)";
            // the API lists no plans: the plan's id is the way to its page
            return String.format(Locale.ROOT, "%s in %.1f s; verification plan %s", what, took.toMillis() / 1000.0,
                    verificationPlanId);
        }
    }

    /**
     * Loads the demo data through the gateway at {@code gatewayUrl}, with tokens from Keycloak's {@code tokenUrl}.
     * Throws {@link vn.inspectorate.deploy.demo.DemoDataException} naming the call that failed; what was written
     * before stays, and a later load carries on from there.
     */
    public static Summary load(String gatewayUrl, String tokenUrl, Consumer<String> progress) {
        long started = System.nanoTime();
        Tally tally = new Tally();
        LocalDate today = LocalDate.now(VIETNAM);
        new DemoLoad(new DemoGateway(gatewayUrl, tokenUrl, progress), today, tally, progress).run();
        return new Summary(tally.count(Tally.CASES), tally.count(Tally.STEPS), tally.count(Tally.PLANS),
                tally.count(Tally.INSPECTIONS), tally.count(Tally.CONCLUSIONS), tally.count(Tally.DECLARANTS),
                tally.count(Tally.DECLARATIONS), tally.figures(), tally.verificationPlanId(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private DemoData() {
    }
}
