package vn.inspectorate.bench.floor;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * One of each thing a service does at start-up and after: a validated, secured write, a batch consumer of a topic and
 * a scheduled job. None of it is called by the footprint scenario; it is here so each extension starts as it does in a
 * service.
 */
@Path("/notes")
public class Notes {

    /** The request body, validated as the services' bodies are. */
    public record NewNote(@NotBlank String text) {
    }

    @POST
    @RolesAllowed("bench")
    @Transactional
    public long add(@Valid NewNote body) {
        Note note = new Note();
        note.text = body.text();
        note.persist();
        return note.id;
    }

    @Incoming("notes-in")
    public void consume(List<String> batch) {
        // a consumer that starts with the application is the point; what it reads is not
    }

    @Scheduled(every = "1h", delayed = "1h")
    void hourly() {
        // the scheduler starts only for an application with a job
    }
}
