package vn.inspectorate.platform.inbox;

import java.util.List;

/**
 * What became of a batch: events applied now, records skipped as already processed (earlier or earlier in the same
 * batch), and poison records sent to the dead-letter topic.
 */
public record BatchOutcome(int applied, int skipped, List<PoisonRecord> poison, int attempts) {
}
