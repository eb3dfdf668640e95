package vn.inspectorate.deploy.demo;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the demo records of one reporting scope add up to once the reporting service has counted every event: the
 * reporting figure codes and their values for {@code province} and {@code body} between {@code from} and {@code to}.
 */
public record ExpectedFigures(String province, String body, LocalDate from, LocalDate to, Map<String, Long> values) {
}
