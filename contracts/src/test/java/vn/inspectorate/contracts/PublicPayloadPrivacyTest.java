package vn.inspectorate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** (d) Public payloads carry nothing that looks like personal data; no payload at all carries identities. */
class PublicPayloadPrivacyTest {

    /** Fragments of field names that suggest personal data or free text about a person, lower case. */
    private static final List<String> PUBLIC_FORBIDDEN = List.of(
            "name", "address", "identity", "identit", "phone", "email", "mail", "denouncer", "denunciator",
            "complainant", "petitioner", "citizen", "declarant", "person", "birth", "gender", "passport", "idcard",
            "nationalid", "taxcode", "respondent", "representative", "subject", "content", "text", "note",
            "description", "summary", "handwriting", "signature", "photo", "document", "attachment");

    /** What no event may carry, public or internal (internal events may count complainants, never name them). */
    private static final List<String> ALWAYS_FORBIDDEN = List.of(
            "name", "address", "identity", "phone", "email", "citizenid", "nationalid", "passport", "idcard",
            "birth", "handwriting", "signature");

    @Test
    void publicPayloadsHaveNoPersonalDataFields() {
        List<String> offenders = new ArrayList<>();
        List<EventCatalog.Entry> publicEntries = EventCatalog.all().stream().filter(EventCatalog.Entry::publicEvent)
                .toList();
        assertThat(publicEntries).as("public events").isNotEmpty();
        for (EventCatalog.Entry entry : publicEntries) {
            collect(entry.payloadType(), entry.payloadType().getSimpleName(), PUBLIC_FORBIDDEN, offenders);
        }
        assertThat(offenders).as("fields of public payloads that suggest personal data").isEmpty();
    }

    /** A partner's schema validation catches a field that was never meant to leave: public payloads are closed. */
    @Test
    void publicPayloadsForbidAdditionalPropertiesAndInternalOnesAllowThem() {
        List<String> offenders = new ArrayList<>();
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            String name = entry.payloadType().getSimpleName();
            var additional = AsyncApiDocument.schemas().path(name).path("additionalProperties");
            boolean closed = additional.isBoolean() && !additional.booleanValue();
            if (entry.publicEvent() != closed) {
                offenders.add(name + (entry.publicEvent() ? " is public but allows additional properties"
                        : " is internal but forbids additional properties (readers tolerate additions)"));
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void noPayloadCarriesIdentities() {
        List<String> offenders = new ArrayList<>();
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            collect(entry.payloadType(), entry.payloadType().getSimpleName(), ALWAYS_FORBIDDEN, offenders);
        }
        assertThat(offenders).as("fields of payloads that suggest personal identities").isEmpty();
    }

    @Test
    void theCheckCatchesALeakyRecord() {
        record Leaky(String caseId, String complainantName, List<Contact> contacts) {
        }
        List<String> offenders = new ArrayList<>();
        collect(Leaky.class, "Leaky", PUBLIC_FORBIDDEN, offenders);
        assertThat(offenders).containsExactly(
                "Leaky.complainantName (suggests 'name')",
                "Leaky.contacts[].denouncerPhone (suggests 'phone')");
    }

    record Contact(String denouncerPhone) {
    }

    private static void collect(Class<?> record, String path, List<String> forbidden, List<String> offenders) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            forbidden.stream().filter(lower::contains).findFirst()
                    .ifPresent(hit -> offenders.add(path + "." + name + " (suggests '" + hit + "')"));
            nested(component.getGenericType(), path + "." + name, forbidden, offenders);
        }
    }

    private static void nested(Type type, String path, List<String> forbidden, List<String> offenders) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                nested(argument, path + "[]", forbidden, offenders);
            }
        } else if (type instanceof Class<?> raw && raw.isRecord()) {
            collect(raw, path, forbidden, offenders);
        }
    }
}
