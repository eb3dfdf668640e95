package vn.inspectorate.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/** Strict reading of client JSON: what a client could get wrong is refused with a problem, never guessed. */
@Singleton
public class PlatformObjectMapperCustomizer implements ObjectMapperCustomizer {

    /** Last, so that its date reading replaces the one of the Java time module that Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.registerModule(noNulCharacters());
        mapper.registerModule(fourDigitYears());
    }

    /**
     * Dates are ISO strings in years 1 to 9999, the ISO 8601 range without an agreement: a year such as -999999999
     * parses in Java but is out of PostgreSQL's range, and a client sending it made a mistake (a 400 naming the field).
     */
    private static SimpleModule fourDigitYears() {
        SimpleModule module = new SimpleModule("platform-four-digit-years");
        module.addDeserializer(LocalDate.class, new StdScalarDeserializer<>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    // a number would otherwise be read as days since 1970
                    return (LocalDate) ctx.handleUnexpectedToken(LocalDate.class, p);
                }
                String text = p.getText();
                LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(p, ctx);
                if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
                    throw InvalidFormatException.from(p, "year outside 1-9999", text, LocalDate.class);
                }
                return value;
            }
        });
        return module;
    }

    /**
     * PostgreSQL cannot store the NUL character in text: a string carrying one is refused as a bad value of its field
     * (a 400 naming it) instead of failing in the database with a 500.
     */
    private static SimpleModule noNulCharacters() {
        SimpleModule module = new SimpleModule("platform-no-nul-characters");
        module.addDeserializer(String.class, new StdScalarDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String value = StringDeserializer.instance.deserialize(p, ctx);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw InvalidFormatException.from(p, "NUL character in a string", "(NUL character)",
                            String.class);
                }
                return value;
            }
        });
        return module;
    }
}
