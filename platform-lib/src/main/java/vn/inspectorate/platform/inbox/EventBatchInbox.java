package vn.inspectorate.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.platform.Causes;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.platform.trace.TraceContext;

/**
 * The inbox for a batch of records (a channel with {@code batch=true}): one transaction per batch instead of one per
 * record. It claims every event id of the batch in one statement, runs the handler for the newly claimed events in
 * record order and commits once, so a redelivered event is skipped and a failed batch leaves no trace.
 * <p>
 * A poison record (unparseable, or refused by the handler with {@link PoisonEventException}) is set aside: the
 * transaction is rolled back and run again without it, so the good records of the batch are applied exactly once and
 * the poison one is not claimed. After the commit the poison records go to the channel's dead-letter topic
 * ({@link DeadLetters}) and the method returns, so the batch is acknowledged. Any other failure (database down, lock
 * timeout) rolls back the whole batch, which is retried with a growing pause, holding its partitions: nothing is
 * lost and order per key is kept. A batch whose failed attempt took {@code inspectorate.inbox.split-after} or longer
 * (by default half the transaction timeout) would outlive its transaction again, so the rest of it is applied in
 * halves, in order, each half in a transaction of its own (and halved again if that also proves too slow).
 */
@ApplicationScoped
public class EventBatchInbox {

    private static final Logger LOG = Logger.getLogger(EventBatchInbox.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final EventInbox inbox;
    private final Sql sql;
    private final DeadLetters deadLetters;
    private final TraceContext trace;
    private final Duration splitAfter;

    EventBatchInbox(EventInbox inbox, Sql sql, DeadLetters deadLetters, TraceContext trace,
            @ConfigProperty(name = "inspectorate.inbox.split-after") Optional<Duration> splitAfter,
            @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout", defaultValue = "60s")
            Duration transactionTimeout) {
        this.inbox = inbox;
        this.splitAfter = splitAfter.orElse(transactionTimeout.dividedBy(2));
        this.trace = trace;
        this.sql = sql;
        this.deadLetters = deadLetters;
    }

    /** Handles the records of one batch of {@code channel} once for {@code consumer}. */
    public BatchOutcome handle(String consumer, String channel, Iterable<ConsumerRecord<String, String>> records,
            BatchHandler handler) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        records.forEach(all::add);
        return handleAll(consumer, channel, all, handler);
    }

    /**
     * Handles only the events of the given types: a record whose {@code ce_type} header names another type is passed
     * over before anything else is done with it (not parsed, not recorded as processed, not given to the handler), and
     * a batch without any record of these types opens no transaction. Passing over is safe to repeat, so it needs no
     * record. A record without the header (an earlier relay's) is parsed and judged by the type it holds.
     */
    public BatchOutcome handle(String consumer, String channel, Iterable<ConsumerRecord<String, String>> records,
            Set<String> types, BatchHandler handler) {
        List<ConsumerRecord<String, String>> wanted = new ArrayList<>();
        int passedOver = 0;
        for (ConsumerRecord<String, String> record : records) {
            Header type = record.headers().lastHeader(CloudEvent.TYPE_HEADER);
            if (type == null || types.contains(new String(type.value(), StandardCharsets.UTF_8))) {
                wanted.add(record);
            } else {
                passedOver++;
            }
        }
        if (wanted.isEmpty()) {
            return new BatchOutcome(0, passedOver, List.of(), 0);
        }
        BatchOutcome outcome = handleAll(consumer, channel, wanted, new BatchHandler() {
            @Override
            public void apply(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
                if (types.contains(event.type())) {
                    handler.apply(record, event);
                }
            }

            @Override
            public void begin(List<ConsumerRecord<String, String>> batch) {
                handler.begin(batch);
            }

            @Override
            public void prepare(List<CloudEvent<JsonNode>> events) {
                handler.prepare(events.stream().filter(e -> types.contains(e.type())).toList());
            }

            @Override
            public void end() {
                handler.end();
            }
        });
        return new BatchOutcome(outcome.applied(), outcome.skipped() + passedOver, outcome.poison(),
                outcome.attempts());
    }

    private BatchOutcome handleAll(String consumer, String channel, List<ConsumerRecord<String, String>> all,
            BatchHandler handler) {
        Map<ConsumerRecord<String, String>, PoisonEventException> poison = new IdentityHashMap<>();
        List<Parsed> parsed = new ArrayList<>(all.size());
        for (ConsumerRecord<String, String> record : all) {
            try {
                parsed.add(new Parsed(record, inbox.parse(record.value())));
            } catch (PoisonEventException e) {
                poison.put(record, e);
            }
        }
        long pauseMillis = 100;
        int attempts = 0;
        int applied = 0;
        int skipped = 0;
        List<PoisonRecord> dead = new ArrayList<>();
        // records per transaction: the whole batch, unless it proved too slow for one (see below)
        int size = all.size();
        int from = 0;
        while (from < all.size()) {
            attempts++;
            List<ConsumerRecord<String, String>> part = all.subList(from, Math.min(all.size(), from + size));
            List<Parsed> partParsed = part.size() == all.size() ? List.copyOf(parsed) : parsedOf(part, parsed);
            long started = System.nanoTime();
            try {
                int[] counts = QuarkusTransaction.requiringNew()
                        .call(() -> attempt(consumer, part, partParsed, handler));
                List<PoisonRecord> partDead = part.stream().filter(poison::containsKey)
                        .map(r -> new PoisonRecord(r, poison.get(r))).toList();
                deadLetters.send(channel, partDead);
                dead.addAll(partDead);
                applied += counts[0];
                skipped += counts[1];
                from += part.size();
            } catch (RuntimeException e) {
                Optional<RefusedInBatch> refused = Causes.find(e, RefusedInBatch.class);
                if (refused.isPresent()) {
                    // rolled back: run the batch again without the refused record, at once
                    Parsed p = partParsed.get(refused.get().index);
                    parsed.remove(p);
                    poison.put(p.record, refused.get().poison);
                    continue;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (part.size() > 1 && took.compareTo(splitAfter) >= 0) {
                    // as whole as it was, it would outlive its transaction again: the rest goes in halves, in order
                    size = Math.max(1, part.size() / 2);
                    LOG.warnf("%s: %d records failed after %d ms (%s); the rest of the batch goes %d records a"
                            + " transaction", consumer, part.size(), took.toMillis(), e.getMessage(), size);
                    continue;
                }
                LOG.warnf("%s: batch of %d records failed (%s); retrying it in %d ms", consumer, part.size(),
                        e.getMessage(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE.toMillis());
            }
        }
        return new BatchOutcome(applied, skipped, dead, attempts);
    }

    /** One attempt, inside its transaction; returns {applied, skipped}. */
    private int[] attempt(String consumer, List<ConsumerRecord<String, String>> all, List<Parsed> parsed,
            BatchHandler handler) {
        handler.begin(all);
        Set<String> claimed = claim(consumer, parsed);
        handler.prepare(firstCopies(parsed, claimed));
        int applied = 0;
        int skipped = 0;
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            // removing the id makes a second copy of the same event in this batch a skip
            if (!claimed.remove(p.event.id())) {
                skipped++;
                continue;
            }
            try {
                // an event written by the handler continues the trace of the event that caused it
                trace.within(p.event.traceparent(), () -> handler.apply(p.record, p.event));
            } catch (RuntimeException e) {
                Optional<PoisonEventException> poison = Causes.find(e, PoisonEventException.class);
                if (poison.isPresent()) {
                    throw new RefusedInBatch(i, poison.get());
                }
                throw e;
            }
            applied++;
        }
        handler.end();
        return new int[] {applied, skipped};
    }

    /** The parsed records among {@code part}, in record order. */
    private static List<Parsed> parsedOf(List<ConsumerRecord<String, String>> part, List<Parsed> parsed) {
        Set<ConsumerRecord<String, String>> inPart = Collections.newSetFromMap(new IdentityHashMap<>());
        inPart.addAll(part);
        return parsed.stream().filter(p -> inPart.contains(p.record)).toList();
    }

    /** The events that {@link #attempt} will apply: the first copy of each claimed id, in record order. */
    private static List<CloudEvent<JsonNode>> firstCopies(List<Parsed> parsed, Set<String> claimed) {
        Set<String> seen = new HashSet<>();
        List<CloudEvent<JsonNode>> events = new ArrayList<>();
        for (Parsed p : parsed) {
            if (claimed.contains(p.event.id()) && seen.add(p.event.id())) {
                events.add(p.event);
            }
        }
        return events;
    }

    /** Claims the batch's event ids in one statement; returns the ids not processed before. */
    private Set<String> claim(String consumer, List<Parsed> parsed) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Parsed p : parsed) {
            types.putIfAbsent(p.event.id(), p.event.type());
        }
        if (types.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(sql.query("""
                insert into platform_processed_event (consumer, event_id, event_type)
                select ?, e.id, e.type from unnest(?::text[], ?::text[]) as e(id, type)
                on conflict do nothing
                returning event_id""", List.of(consumer, new Sql.ArrayOf("text", types.keySet()),
                new Sql.ArrayOf("text", types.values())), rs -> rs.getString(1)));
    }

    private record Parsed(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
    }

    /** Carries the position of the record the handler refused out of the rolled-back transaction. */
    private static final class RefusedInBatch extends RuntimeException {
        final int index;
        final PoisonEventException poison;

        RefusedInBatch(int index, PoisonEventException poison) {
            super(poison.getMessage(), poison, false, false);
            this.index = index;
            this.poison = poison;
        }
    }
}
