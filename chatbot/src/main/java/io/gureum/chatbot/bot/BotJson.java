package io.gureum.chatbot.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Bot definitions as JSON (camelCase, the fields of {@link Bot} and its records). Unknown fields are errors, so a
 * misspelt {@code "prompt"} is reported rather than silently ignored. Reading does not validate: call
 * {@link BotValidator}.
 */
public final class BotJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private BotJson() {}

    /** @throws io.gureum.core.Problem 422 {@code invalid_bot} for JSON that is malformed or does not fit the model */
    public static Bot read(String json) {
        try {
            return MAPPER.readValue(json, Bot.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    public static Bot read(InputStream in) {
        try {
            return MAPPER.readValue(in, Bot.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Bot bot) {
        try {
            return MAPPER.writeValueAsString(bot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bot always serialises", e);
        }
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
