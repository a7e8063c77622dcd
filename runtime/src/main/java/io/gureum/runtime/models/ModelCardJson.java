package io.gureum.runtime.models;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads and writes {@code model-card.json}: camelCase, pretty-printed, instants as ISO-8601 text.
 * Instants are handled here rather than with jackson-datatype-jsr310, one dependency fewer.
 */
final class ModelCardJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("iso-instants")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser parser, DeserializationContext c) throws IOException {
                            return Instant.parse(parser.getValueAsString());
                        }
                    }))
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a card written by a newer Gureum (more fields) must still read
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelCardJson() {}

    static void write(ModelCard card, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), card);
    }

    static ModelCard read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ModelCard.class);
    }
}
