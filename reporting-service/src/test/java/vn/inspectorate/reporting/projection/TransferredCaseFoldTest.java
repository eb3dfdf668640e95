package vn.inspectorate.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.cases.CaseAccepted;
import vn.inspectorate.contracts.cases.CaseReceived;
import vn.inspectorate.reporting.figures.Figure;

/** A case that arrived by a transfer is the sending case's filing: counted for what it does, not received again. */
class TransferredCaseFoldTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.ofHours(7));
    static final LocalDate ON = LocalDate.of(2026, 11, 20);

    @Test
    void aCaseFiledByACitizenCountsAsReceived() {
        CaseFold f = CaseFold.of(List.of(received(null)));
        assertThat(figures(f)).contains(Figure.CASES_RECEIVED.code(), Figure.CASES_MASS.code());
    }

    @Test
    void aCaseArrivedByATransferCountsWhatItDoesButNotAsReceived() {
        UUID id = UUID.randomUUID();
        CaseFold f = CaseFold.of(List.of(received(UUID.randomUUID()), new CaseAccepted(id, 2, AT, "VN-18",
                "COMPLAINT", "TTT-NB", ON, ON.plusDays(30), "2026.7")));
        assertThat(figures(f)).doesNotContain(Figure.CASES_RECEIVED.code(), Figure.CASES_MASS.code())
                .contains(Figure.CASES_ACCEPTED.code());
    }

    private static CaseReceived received(UUID transferredFrom) {
        return new CaseReceived(UUID.randomUUID(), 1, AT, "VN-18", "TTT-NB", "TRANSFERRED", "transfer",
                UUID.randomUUID().toString(), ON, 6, true, false, transferredFrom);
    }

    private static List<String> figures(CaseFold f) {
        return f.contributions().stream().filter(c -> c.value() > 0).map(Contribution::figure).toList();
    }
}
