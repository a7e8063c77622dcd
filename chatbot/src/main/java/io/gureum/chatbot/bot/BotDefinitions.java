package io.gureum.chatbot.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Bot definitions as JSON or YAML documents (camelCase, the fields of {@link Bot} and its records; both formats carry
 * the same tree). Unknown fields are errors, so a misspelt {@code "prompt"} is reported rather than silently ignored.
 * Reading does not validate: call {@link BotValidator}.
 */
public final class BotDefinitions {
    /** The document formats a bot is imported from and exported to. */
    public enum Format {
        JSON("application/json"), YAML("application/yaml");

        private final String mediaType;

        Format(String mediaType) { this.mediaType = mediaType; }

        public String mediaType() { return mediaType; }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_DEFAULT)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_DEFAULT)
            .build();

    private BotDefinitions() {}

    /** @throws io.gureum.core.Problem 422 {@code invalid_bot} for a document that is malformed or does not fit the model */
    public static Bot read(String document, Format format) {
        try {
            return mapper(format).readValue(document, Bot.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    /** A JSON definition. */
    public static Bot read(String json) {
        return read(json, Format.JSON);
    }

    public static Bot read(InputStream in, Format format) {
        try {
            return mapper(format).readValue(in, Bot.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Bot bot, Format format) {
        try {
            return mapper(format).writeValueAsString(bot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bot always serialises", e);
        }
    }

    /** A JSON definition. */
    public static String write(Bot bot) {
        return write(bot, Format.JSON);
    }

    private static ObjectMapper mapper(Format format) {
        return format == Format.YAML ? YAML : JSON;
    }

    private static RuntimeException unreadable(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) : "$";
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return BotValidator.invalid(List.of(new BotError(path, e.getOriginalMessage() + where)));
    }

    /** Jackson's path as this package writes it: {@code intents[2].slots[0].prompts}. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) out.append('[').append(ref.getIndex()).append(']');
        }
        return out.toString();
    }
}
