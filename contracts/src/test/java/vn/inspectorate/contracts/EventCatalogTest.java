package vn.inspectorate.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.cases.CaseReceived;
import vn.inspectorate.contracts.publicevents.PublicCaseStatusChanged;

class EventCatalogTest {

    /** The events the platform's design asks for; adding one means adding it here, to the catalog and to AsyncAPI. */
    private static final List<String> EXPECTED_NAMES = List.of(
            "case.received", "case.classified", "case.accepted", "case.rejected", "case.assigned", "case.extended",
            "case.transferred", "case.resolved", "case.escalated", "case.closed", "case.overdue", "case.watchlisted",
            "case.progress-reported", "case.paused", "case.resumed", "case.withdrawn", "case.denouncer-notified",
            "case.linked",
            "inspection.plan-approved", "inspection.opened", "inspection.extended", "inspection.concluded",
            "inspection.recovery-recorded", "inspection.follow-up-closed", "inspection.overlap-detected",
            "declaration.submitted", "declaration.flagged", "declaration.verification-selected",
            "declaration.verified",
            "report.published",
            "reference.inspection-body-changed", "reference.calendar-loaded",
            "reference.complaint-rule-set-added", "reference.declaration-rule-changed",
            "public.case-status-changed", "public.inspection-concluded");

    private static final Map<String, String> TOPIC_BY_PREFIX = Map.of(
            "case", Topics.CASES, "inspection", Topics.INSPECTIONS, "declaration", Topics.DECLARATIONS,
            "report", Topics.REPORTS, "reference", Topics.REFERENCE, "public", Topics.PUBLIC);

    private static final Map<String, String> PACKAGE_BY_TOPIC = Map.of(
            Topics.CASES, "cases", Topics.INSPECTIONS, "inspections", Topics.DECLARATIONS, "declarations",
            Topics.REPORTS, "reports", Topics.REFERENCE, "reference", Topics.PUBLIC, "publicevents");

    @Test
    void registersExactlyTheDesignedEventTypes() {
        assertThat(EventCatalog.all()).extracting(EventCatalog.Entry::type)
                .containsExactlyElementsOf(EXPECTED_NAMES.stream().map(n -> "vn.inspectorate." + n + ".v1").toList());
    }

    @Test
    void eventTypesConstantsAreExactlyTheCatalog() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(
                EventCatalog.all().stream().map(EventCatalog.Entry::type).toList());
    }

    @Test
    void topicPublicFlagAndPackageFollowTheTypeName() {
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            assertThat(entry.type()).matches("vn\\.inspectorate\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v1");
            String prefix = entry.type().split("\\.")[2];
            assertThat(entry.topic()).as("topic of " + entry.type()).isEqualTo(TOPIC_BY_PREFIX.get(prefix));
            assertThat(entry.publicEvent()).as("public flag of " + entry.type())
                    .isEqualTo(entry.topic().equals(Topics.PUBLIC));
            assertThat(entry.payloadType().getPackageName()).as("package of " + entry.payloadType().getSimpleName())
                    .isEqualTo("vn.inspectorate.contracts." + PACKAGE_BY_TOPIC.get(entry.topic()));
        }
    }

    @Test
    void lookupsAnswerFromTheRegistry() {
        assertThat(EventCatalog.payloadType(EventTypes.CASE_RECEIVED)).isEqualTo(CaseReceived.class);
        assertThat(EventCatalog.topicOf(EventTypes.CASE_RECEIVED)).isEqualTo(Topics.CASES);
        assertThat(EventCatalog.isPublic(EventTypes.CASE_RECEIVED)).isFalse();
        assertThat(EventCatalog.isPublic(EventTypes.PUBLIC_CASE_STATUS_CHANGED)).isTrue();
        assertThat(EventCatalog.entryFor(PublicCaseStatusChanged.class).type())
                .isEqualTo(EventTypes.PUBLIC_CASE_STATUS_CHANGED);
        assertThat(EventCatalog.onTopic(Topics.PUBLIC)).hasSize(2);
        assertThat(EventCatalog.find("vn.inspectorate.nope.v1")).isEmpty();
        assertThatThrownBy(() -> EventCatalog.payloadType("vn.inspectorate.nope.v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vn.inspectorate.nope.v1");
        assertThatThrownBy(() -> EventCatalog.entryFor(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogIsImmutable() {
        List<EventCatalog.Entry> all = EventCatalog.all();
        assertThatThrownBy(() -> all.add(all.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(all::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(EventCatalog.all()).hasSize(EXPECTED_NAMES.size());
    }

    @Test
    void everyPayloadStartsWithAggregateIdVersionAndOccurredAt() {
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            RecordComponent[] components = entry.payloadType().getRecordComponents();
            String name = entry.payloadType().getSimpleName();
            assertThat(components.length).as(name + " components").isGreaterThanOrEqualTo(3);
            assertThat(components[0].getType()).as(name + " aggregate id type").isEqualTo(UUID.class);
            assertThat(components[0].getName()).as(name + " aggregate id name").endsWith("Id");
            assertThat(components[1].getName()).as(name + " second component").isEqualTo("version");
            assertThat(components[1].getType()).as(name + ".version").isEqualTo(long.class);
            assertThat(components[2].getName()).as(name + " third component").isEqualTo("occurredAt");
            assertThat(components[2].getType()).as(name + ".occurredAt").isEqualTo(OffsetDateTime.class);
        }
    }

    @Test
    void noPayloadUsesFloatingPointOrBigDecimal() {
        List<String> offenders = new ArrayList<>();
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            collectNumericOffenders(entry.payloadType(), entry.payloadType().getSimpleName(), offenders);
        }
        assertThat(offenders).as("money is long VND and land long m²: no float, double or BigDecimal").isEmpty();
    }

    @Test
    void everyTopLevelRecordInTheFeaturePackagesIsRegistered() throws URISyntaxException, ClassNotFoundException {
        Set<Class<?>> registered = EventCatalog.all().stream().map(EventCatalog.Entry::payloadType)
                .collect(Collectors.toSet());
        List<String> unregistered = new ArrayList<>();
        for (String pkg : PACKAGE_BY_TOPIC.values()) {
            String fullPackage = "vn.inspectorate.contracts." + pkg;
            URL url = getClass().getClassLoader().getResource(fullPackage.replace('.', '/'));
            assertThat(url).as("package " + fullPackage + " on the classpath").isNotNull();
            assumeTrue("file".equals(url.getProtocol()), "classes are in a directory (not a jar)");
            File[] files = new File(url.toURI())
                    .listFiles((dir, file) -> file.endsWith(".class") && !file.contains("$"));
            assertThat(files).as("classes of " + fullPackage).isNotEmpty();
            for (File file : files) {
                Class<?> type = Class.forName(fullPackage + "." + file.getName().replace(".class", ""));
                if (type.isRecord() && !registered.contains(type)) {
                    unregistered.add(type.getName());
                }
            }
        }
        assertThat(unregistered).as("payload records missing from EventCatalog").isEmpty();
    }

    private static void collectNumericOffenders(Class<?> record, String path, List<String> offenders) {
        for (RecordComponent component : record.getRecordComponents()) {
            checkType(component.getGenericType(), path + "." + component.getName(), offenders);
        }
    }

    private static void checkType(Type type, String path, List<String> offenders) {
        if (type instanceof ParameterizedType parameterized) {
            Arrays.stream(parameterized.getActualTypeArguments())
                    .forEach(arg -> checkType(arg, path + "[]", offenders));
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class) {
            offenders.add(path + " is " + raw.getSimpleName());
        } else if (raw.isRecord()) {
            collectNumericOffenders(raw, path, offenders);
        }
    }
}
