package vn.inspectorate.platform.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.inspectorate.contracts.EventTypes;

/** A stand-in cache: notes the ids of the body changes it hears; one whose data asks it to fail throws. */
@ApplicationScoped
public class ReferenceProbe implements ReferenceChangeHandler {

    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public Set<String> eventTypes() {
        return Set.of(EventTypes.REFERENCE_INSPECTION_BODY_CHANGED);
    }

    @Override
    public void changed(ReferenceChange change) {
        if (change.event().data().path("fail").asBoolean(false)) {
            throw new IllegalStateException("the probe fails on " + change.id());
        }
        heard.add(change.id());
    }

    public List<String> heard() {
        return List.copyOf(heard);
    }
}
