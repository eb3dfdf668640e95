package vn.inspectorate.complaints.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.Cases;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** A case's province is checked against the day it was received; the units come from the shared reference file. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class DatedProvinceTest {

    @Inject
    AdministrativeUnits units;
    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "bn-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-56"))
    void aMergedProvinceIsAcceptedForCasesReceivedBeforeFirstJuly2025AndRefusedAfterNamingItsSuccessor() {
        Map<String, Object> before = Cases.complaint(LocalDate.of(2025, 6, 20));
        before.put("provinceCode", "VN-54");
        Cases.post(before).statusCode(201).body("provinceCode", equalTo("VN-56"));

        Map<String, Object> after = Cases.complaint(LocalDate.of(2025, 7, 1));
        after.put("provinceCode", "VN-54");
        Cases.postIn("en", after).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("provinceCode"))
                .body("errors[0].message", containsString("part of VN-56 (Bắc Ninh) since 2025-07-01"));
        Cases.post(after).statusCode(422).header("Content-Language", "vi")
                .body("errors[0].message", containsString("đã được hợp nhất vào VN-56 (Bắc Ninh) từ ngày 2025-07-01"));
    }

    @Test
    void theTableHoldsTheFileAndAReloadShowsAChangeAtOnce() {
        assertThat(units.inForceOn(LocalDate.of(2025, 1, 10)).stream().filter(u -> u.code().equals("VN-26"))
                .map(AdministrativeUnits.UnitView::name)).containsExactly("Huế");
        LocalDate day = LocalDate.of(2030, 1, 1);
        assertThat(units.inForce("VN-ZZ", day)).isFalse();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into administrative_unit (code, name, valid_from) values ('VN-ZZ', 'Test unit', date '2030-01-01')""")
                .executeUpdate());
        try {
            assertThat(units.inForce("VN-ZZ", day)).as("kept until reloaded").isFalse();
            units.reload();
            assertThat(units.inForce("VN-ZZ", day)).isTrue();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from administrative_unit where code = 'VN-ZZ'").executeUpdate());
            units.reload();
        }
    }
}
