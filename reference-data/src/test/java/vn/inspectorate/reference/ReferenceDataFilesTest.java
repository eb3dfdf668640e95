package vn.inspectorate.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.inspectorate.reference.AdministrativeUnitRegister.Unit;
import vn.inspectorate.reference.InspectionBodyRegister.Body;

/** The shipped files hold the country as the law drew it, and the registers answer dated questions from them. */
class ReferenceDataFilesTest {

    static final LocalDate LAST_DAY_OF_63 = LocalDate.of(2025, 6, 30);
    static final LocalDate FIRST_DAY_OF_34 = LocalDate.of(2025, 7, 1);

    final AdministrativeUnitRegister units = AdministrativeUnitRegister.fromFiles();
    final InspectionBodyRegister bodies = InspectionBodyRegister.fromFile();

    @Test
    void sixtyThreeProvincesUntilThirtyJuneAndThirtyFourFromFirstJuly2025() {
        assertThat(units.inForceOn(LocalDate.of(2024, 3, 1))).hasSize(63);
        assertThat(units.inForceOn(LAST_DAY_OF_63)).hasSize(63);
        assertThat(units.inForceOn(FIRST_DAY_OF_34)).hasSize(34);
        assertThat(units.inForceOn(LocalDate.of(2026, 12, 2))).hasSize(34);
    }

    @Test
    void everyUnitOfTheSixtyThreeAnswersToOneOfTheThirtyFour() {
        Set<String> current = new HashSet<>(units.inForceOn(FIRST_DAY_OF_34).stream().map(Unit::code).toList());
        Set<String> reached = new HashSet<>();
        for (Unit old : units.inForceOn(LAST_DAY_OF_63)) {
            String successor = units.successorOn(old.code(), FIRST_DAY_OF_34);
            assertThat(current).as(old.code() + " answers to a unit in force").contains(successor);
            assertThat(units.successorOn(old.code(), LAST_DAY_OF_63)).isEqualTo(old.code());
            reached.add(successor);
        }
        assertThat(reached).isEqualTo(current);
    }

    @Test
    void aMergedProvinceIsInForceBeforeFirstJuly2025AndRefusedAfterWithItsSuccessorNamed() {
        assertThat(units.refusal("VN-54", LAST_DAY_OF_63)).isEmpty();
        assertThat(units.refusal("VN-54", FIRST_DAY_OF_34)).hasValueSatisfying(m -> assertThat(m)
                .contains("VN-54 (Bắc Giang)").contains("part of VN-56 (Bắc Ninh)").contains("since 2025-07-01"));
        assertThat(units.refusal("VN-67", LocalDate.of(2026, 1, 10))).get().asString().contains("VN-18");
        assertThat(units.refusal("VN-56", FIRST_DAY_OF_34)).as("the merged unit keeps the code").isEmpty();
        assertThat(units.refusal("VN-HN", LocalDate.of(2026, 1, 10))).isEmpty();
        assertThat(units.refusal("VN-99", LAST_DAY_OF_63)).hasValue("unknown province code VN-99");
    }

    @Test
    void oneProvincialInspectorateInForcePerProvinceInForce() {
        for (LocalDate day : List.of(LocalDate.of(2024, 1, 15), LAST_DAY_OF_63, FIRST_DAY_OF_34,
                LocalDate.of(2026, 12, 2))) {
            List<Body> provincial = bodies.bodies().stream()
                    .filter(b -> b.level().equals("PROVINCIAL") && b.inForceOn(day)).toList();
            assertThat(provincial.stream().map(Body::provinceCode).sorted().toList()).as("on " + day)
                    .isEqualTo(units.inForceOn(day).stream().map(Unit::code).sorted().toList());
        }
    }

    @Test
    void aMergedAwayProvincesInspectorateIsRefusedAfterThirtyJuneNamingItsSuccessor() {
        assertThat(bodies.refusal("TTT-54", LAST_DAY_OF_63)).isEmpty();
        assertThat(bodies.refusal("TTT-54", LocalDate.of(2026, 3, 2))).hasValueSatisfying(d -> assertThat(d)
                .contains("TTT-54").contains("ended on 2025-06-30").contains("Its successor is TTT-BN"));
        assertThat(bodies.inForceSuccessor("TTT-63", FIRST_DAY_OF_34)).map(Body::code).hasValue("TTT-NB");
        assertThat(bodies.refusal("TTT-BN", LocalDate.of(2026, 3, 2))).isEmpty();
    }

    @Test
    void districtAndMinistryInspectoratesEndOnThirtyJune2025AndTheBodiesTheLawKeepsRunOn() {
        assertThat(bodies.refusal("TTH-HN-BD", LAST_DAY_OF_63)).isEmpty();
        assertThat(bodies.refusal("TTH-HN-BD", FIRST_DAY_OF_34)).get().asString()
                .contains("ended on 2025-06-30").doesNotContain("successor");
        assertThat(bodies.refusal("TT-BXD", FIRST_DAY_OF_34)).isPresent();
        assertThat(bodies.refusal("TT-BGTVT", LocalDate.of(2025, 5, 1))).get().asString()
                .contains("Its successor is TT-BXD");
        assertThat(bodies.bodies().stream().filter(b -> b.level().equals("SECTOR") && b.inForceOn(FIRST_DAY_OF_34))
                .map(Body::code)).containsExactlyInAnyOrder("TT-BQP", "TT-BCA", "TT-NHNN", "TT-BCY");
        assertThat(bodies.bodies().stream().filter(b -> b.level().equals("SECTOR") && b.inForceOn(LAST_DAY_OF_63)
                && !List.of("TT-BQP", "TT-BCA", "TT-NHNN", "TT-BCY").contains(b.code()))).hasSize(12);
        assertThat(bodies.find("TTCP").map(b -> b.inForceOn(FIRST_DAY_OF_34))).hasValue(true);
    }

    @Test
    void theExistingCodesStayAndEverySuccessorIsListedBeforeTheBodiesItSucceeds() {
        assertThat(bodies.bodies().stream().map(Body::code)).contains("TTCP", "TT-BXD", "TT-BTC", "TTT-HN",
                "TTH-HN-BD", "TTT-SG", "TTT-BN", "TTH-BN-TS", "TTT-48", "TTT-NB");
        Set<String> seen = new HashSet<>();
        for (ReferenceFile.Row row : ReferenceFile.read(ReferenceTables.INSPECTION_BODIES_FILE).rows()) {
            row.optional("successor_code").ifPresent(s -> assertThat(seen).as(row.get("code")).contains(s));
            assertThat(seen.add(row.get("code"))).as("unique " + row.get("code")).isTrue();
            assertThat(row.get("certainty")).isIn("CONFIRMED", "UNCERTAIN");
        }
    }

    @Test
    void everyRemoteAreaIsAUnitInForceThroughoutItsDesignation() {
        List<ReferenceFile.Row> rows = ReferenceFile.read(ReferenceTables.REMOTE_AREAS_FILE).rows();
        assertThat(rows).isNotEmpty();
        for (ReferenceFile.Row row : rows) {
            String code = row.get("unit_code");
            LocalDate from = row.date("valid_from");
            LocalDate to = row.optionalDate("valid_to").orElse(LocalDate.of(2026, 12, 2));
            assertThat(units.inForce(code, from)).as(code + " in force on " + from).isTrue();
            assertThat(units.inForce(code, to)).as(code + " in force on " + to).isTrue();
            assertThat(row.get("certainty")).isIn("CONFIRMED", "UNCERTAIN");
            assertThat(row.get("source")).isNotBlank();
        }
        // a unit merged away ends its designation with it: Ha Giang (VN-03) is remote until 30 June 2025 only
        assertThat(rows.stream().filter(r -> r.get("unit_code").equals("VN-03")).map(r -> r.optionalDate("valid_to")))
                .containsExactly(java.util.Optional.of(LAST_DAY_OF_63));
    }
}
