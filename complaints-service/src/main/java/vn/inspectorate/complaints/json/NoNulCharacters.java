package vn.inspectorate.complaints.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * PostgreSQL cannot store the NUL character in text; a string carrying one is refused as a bad value of its field
 * (a 400 naming it) instead of failing in the database.
 */
@Singleton
public class NoNulCharacters implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("no-nul-characters");
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
        mapper.registerModule(module);
    }
}
