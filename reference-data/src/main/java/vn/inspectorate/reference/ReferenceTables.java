package vn.inspectorate.reference;

import java.util.List;
import vn.inspectorate.reference.TableLoad.Column;

/**
 * The loads of the shared reference files into the tables every service that keeps a copy names alike: the
 * provincial-level units with their succession, and the inspection bodies.
 */
public final class ReferenceTables {

    public static final String ADMINISTRATIVE_UNITS_FILE = "administrative-units.csv";
    public static final String SUCCESSIONS_FILE = "administrative-unit-successions.csv";
    public static final String INSPECTION_BODIES_FILE = "inspection-bodies.csv";
    public static final String REMOTE_AREAS_FILE = "remote-areas.csv";

    private ReferenceTables() {
    }

    /** {@code administrative_unit (code, name, valid_from, valid_to)}, replaced whole by the file. */
    public static TableLoad administrativeUnits() {
        return TableLoad.replace(ADMINISTRATIVE_UNITS_FILE, "administrative_unit", List.of("code", "valid_from"),
                Column.text("code"), Column.text("name"), Column.date("valid_from"), Column.date("valid_to"));
    }

    /** {@code administrative_unit_succession (old_code, new_code, effective_on, legal_basis)}, replaced whole. */
    public static TableLoad administrativeUnitSuccessions() {
        return TableLoad.replace(SUCCESSIONS_FILE, "administrative_unit_succession", List.of("old_code", "effective_on"),
                Column.text("old_code"), Column.text("new_code"), Column.date("effective_on"),
                Column.text("legal_basis"));
    }

    /**
     * {@code inspection_body}, upserted by code: records reference bodies, so none is deleted (a body the file no
     * longer lists stays as it was). Successors precede the bodies they succeed in the file.
     */
    public static TableLoad inspectionBodies() {
        return TableLoad.upsert(INSPECTION_BODIES_FILE, "inspection_body", List.of("code"),
                Column.text("code"), Column.text("name"), Column.text("level"), Column.text("province_code"),
                Column.date("valid_from"), Column.date("valid_to"), Column.text("successor_code"),
                Column.text("certainty"), Column.text("source"));
    }

    /**
     * {@code remote_area (unit_code, valid_from, valid_to, certainty, source)}: the units designated as remote areas
     * with difficult travel, dated; replaced whole by the file (nothing references it).
     */
    public static TableLoad remoteAreas() {
        return TableLoad.replace(REMOTE_AREAS_FILE, "remote_area", List.of("unit_code", "valid_from"),
                Column.text("unit_code"), Column.date("valid_from"), Column.date("valid_to"),
                Column.text("certainty"), Column.text("source"));
    }
}
