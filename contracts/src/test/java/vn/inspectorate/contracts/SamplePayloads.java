package vn.inspectorate.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Test helper: a deterministic sample instance of any payload record, every component set. */
final class SamplePayloads {

    static final OffsetDateTime HANOI_TIME =
            OffsetDateTime.of(2025, 7, 1, 9, 30, 15, 123_000_000, ZoneOffset.ofHours(7));

    private SamplePayloads() {
    }

    static <R extends Record> R sample(Class<R> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getName(), components[i].getGenericType());
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return recordType.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + recordType.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object value(String name, Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return List.of(value(name, parameterized.getActualTypeArguments()[0]));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes());
        }
        if (raw == String.class) {
            return name.toLowerCase().endsWith("provincecode") ? "VN-HN" : name + "-sample";
        }
        if (raw == long.class || raw == Long.class) {
            return 12_345_678_901L; // beyond int range, e.g. 12.3 billion VND
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == OffsetDateTime.class) {
            return HANOI_TIME;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2025, 6, 30);
        }
        if (raw.isRecord()) {
            return sample((Class<? extends Record>) raw);
        }
        throw new IllegalArgumentException("no sample for component " + name + " of type " + type);
    }
}
