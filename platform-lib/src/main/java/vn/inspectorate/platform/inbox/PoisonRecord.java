package vn.inspectorate.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that can never be processed, with the reason it goes to the dead-letter topic. */
public record PoisonRecord(ConsumerRecord<String, String> record, PoisonEventException reason) {
}
