package vn.inspectorate.inspection;

/** A write's answer: whether this call created the record (201) or found it by its natural key (200), and the result. */
public record Written<T>(boolean created, T value) {
}
