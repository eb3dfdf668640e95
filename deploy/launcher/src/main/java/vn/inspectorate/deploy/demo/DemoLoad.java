package vn.inspectorate.deploy.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

/** The order of a demo load: cases first (inspections are opened from them), then inspections, then declarations. */
public final class DemoLoad {

    private final DemoGateway gateway;
    private final LocalDate today;
    private final Tally tally;
    private final Consumer<String> progress;

    public DemoLoad(DemoGateway gateway, LocalDate today, Tally tally, Consumer<String> progress) {
        this.gateway = gateway;
        this.today = today;
        this.tally = tally;
        this.progress = progress;
    }

    public void run() {
        DemoCases cases = new DemoCases(gateway, today, tally);
        progress.accept("demo data: cases of Ha Noi and Ninh Binh...");
        Map<DemoCases.Path, String> haNoi = cases.load(DemoProvince.HA_NOI);
        Map<DemoCases.Path, String> ninhBinh = cases.load(DemoProvince.NINH_BINH);
        progress.accept("demo data: inspection plans and inspections...");
        DemoInspections inspections = new DemoInspections(gateway, today, tally);
        inspections.loadHaNoi(haNoi.get(DemoCases.Path.INSPECTION_RUNNING));
        inspections.loadNinhBinh(ninhBinh.get(DemoCases.Path.INSPECTION_CONCLUDED));
        progress.accept("demo data: declarants and declarations...");
        new DemoDeclarations(gateway, today, tally).load();
    }
}
