package vn.inspectorate.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.inspectorate.contracts.CloudEvent;

/** What a consumer does with a batch, inside the batch's one transaction. */
@FunctionalInterface
public interface BatchHandler {

    /**
     * Applies one event seen for the first time, in record order. A {@link PoisonEventException} sets this record
     * aside for the dead-letter topic; any other failure rolls back the whole batch to be retried.
     */
    void apply(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event);

    /**
     * Runs first in every attempt's transaction with every record of the batch, redelivered and poison ones included
     * (e.g. to lock or to move a stored position past all of them).
     */
    default void begin(List<ConsumerRecord<String, String>> records) {
    }

    /**
     * Runs in every attempt's transaction before the first {@link #apply}, with the events it will be given (seen for
     * the first time, in record order): e.g. to lock or read in one statement what all of them need. A record refused
     * as poison afterwards is left out of the next attempt.
     */
    default void prepare(List<CloudEvent<JsonNode>> events) {
    }

    /**
     * Runs last in every attempt's transaction, after every record was applied (e.g. to do once what several records
     * of the batch asked for).
     */
    default void end() {
    }

    /**
     * A handler that turns each event into at most one item ({@code item}; a {@link PoisonEventException} refuses the
     * record) and writes the batch's items once, in record order, at its end ({@code write}). A retried attempt starts
     * over with no items.
     */
    static <T> BatchHandler collecting(Function<CloudEvent<JsonNode>, Optional<T>> item, Consumer<List<T>> write) {
        List<T> items = new ArrayList<>();
        return new BatchHandler() {
            @Override
            public void begin(List<ConsumerRecord<String, String>> records) {
                items.clear();
            }

            @Override
            public void apply(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
                item.apply(event).ifPresent(items::add);
            }

            @Override
            public void end() {
                write.accept(items);
            }
        };
    }
}
