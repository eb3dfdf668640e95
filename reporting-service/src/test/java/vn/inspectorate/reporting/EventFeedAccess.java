package vn.inspectorate.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.reporting.projection.ProjectionStore;

/** The event feed of the reporting tests, for tests in other packages. */
public final class EventFeedAccess {

    private EventFeedAccess() {
    }

    /** An inspection of {@code province} opened and concluded (one unit covered), as the producer sends them. */
    public static void concluded(ObjectMapper mapper, String name, String province, LocalDate openedOn,
            LocalDate concludedOn) {
        EventFeed feed = new EventFeed(mapper);
        UUID id = SeedEvents.id(name);
        feed.send(EventTypes.INSPECTION_OPENED, id,
                SeedEvents.opened(id, province, "ADMINISTRATIVE", null, true, openedOn));
        feed.send(EventTypes.INSPECTION_CONCLUDED, id,
                SeedEvents.concluded(id, province, 2, concludedOn, 1_000_000, 0, 1, 0, 0, 0));
    }

    public static void awaitProjected(ProjectionStore store) {
        EventFeed.awaitProjected(store);
    }

    public static List<String> readAll(String topic, Predicate<String> filter, int atLeast) {
        return EventFeed.readAll(topic, filter, atLeast);
    }
}
