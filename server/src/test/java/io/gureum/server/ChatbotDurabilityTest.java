package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.gureum.chatbot.bot.BotDefinitions;
import io.gureum.chatbot.bot.ExampleBots;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation survives a restart of the node: bot, trained model and session state are all in the database and blob store. */
class ChatbotDurabilityTest {
    @Test
    void aConversationGoesOnAfterARestart() {
        Path home;
        String key;
        String botId;
        try (TestServer first = TestServer.start(null, Map.of())) {
            home = first.home;
            ApiClient api = first.api;
            String project = api.postJson("/v1/projects", first.adminKey(), Map.of("name", "durable-bots")).json().get("id").asText();
            key = api.postJson("/v1/projects/" + project + "/keys", first.adminKey(), Map.of("name", "k", "scopes", List.of("chatbot")))
                    .json().get("secret").asText();
            botId = api.send("POST", "/v1/bots", key, "application/json",
                    BotDefinitions.write(ExampleBots.restaurantEnglish()).getBytes(StandardCharsets.UTF_8), Map.of()).json().get("id").asText();
            JsonNode op = api.awaitOperation(api.postJson("/v1/bots/" + botId + ":train", key, Map.of()).header("Operation-Location"), key,
                    Duration.ofMinutes(3));
            assertThat(op.get("status").asText()).isEqualTo("succeeded");
            JsonNode r = api.postJson("/v1/bots/" + botId + "/sessions/s1:message", key, Map.of("text", "table for 2 tomorrow at 8pm")).json();
            assertThat(r.at("/reply/text").asText()).isEqualTo("What name should the booking be under?");
        }
        try (TestServer second = TestServer.restart(home, null)) {
            JsonNode r = second.api.postJson("/v1/bots/" + botId + "/sessions/s1:message", key, Map.of("text", "Choi")).json();
            assertThat(r.get("newSession").asBoolean()).isFalse();
            assertThat(r.at("/reply/text").asText()).isEqualTo("What phone number can we reach you on?");
            assertThat(r.at("/slots/party_size/value").asText()).isEqualTo("2");
            assertThat(r.at("/slots/name/value").asText()).isEqualTo("Choi");
        }
    }
}
