package io.gureum.chatbot.bot;

import io.gureum.chatbot.nlu.IntentTrainingSet;
import io.gureum.chatbot.nlu.TrainingPhrase;
import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

class BotValidatorTest {
    /** A small valid bot; each test breaks one part of it. */
    private static final String VALID = """
            {
              "name": "pizza", "locale": "en-US", "timeZone": "Asia/Seoul",
              "entityTypes": [{"name": "topping", "values": [{"value": "cheese", "synonyms": ["mozzarella"]}]}],
              "intents": [
                {"name": "order", "phrases": ["a [cheese](topping) pizza at [7pm](time)", "I want pizza"],
                 "slots": [{"name": "topping", "entityType": "topping", "required": true, "prompts": ["Which topping?"]},
                           {"name": "time", "entityType": "sys.time", "required": false}],
                 "confirmation": {"prompt": "A {topping} pizza?", "declined": "OK, no pizza."},
                 "responses": [{"text": "One {topping} pizza coming at {time}."}]},
                {"name": "hello", "phrases": ["hi"], "responses": [{"text": "Hi!"}], "outputContexts": [{"name": "greeted", "lifespan": 1}]},
                {"name": "again", "phrases": ["hi again"], "responses": [{"text": "Hi again!"}], "inputContexts": ["greeted"]}
              ],
              "fallback": [{"text": "Pizza only, sorry."}]
            }""";

    private static List<String> errors(String json) {
        return BotValidator.validate(BotDefinitions.read(json)).stream().map(BotError::toString).toList();
    }

    @Test
    void exampleBotsAndTheBaseBotAreValid() {
        assertThat(BotValidator.validate(ExampleBots.restaurantEnglish())).isEmpty();
        assertThat(BotValidator.validate(ExampleBots.restaurantKorean())).isEmpty();
        assertThat(errors(VALID)).isEmpty();
    }

    @Test
    void annotatedSlotThatIsNotDeclared() {
        assertThat(errors(VALID.replace("\"I want pizza\"", "\"I want pizza at [7](hour)\"")))
                .containsExactly("intents[0].phrases[1]: slot 'hour' is not declared");
    }

    @Test
    void badAnnotationNamesItsColumn() {
        assertThat(errors(VALID.replace("\"I want pizza\"", "\"I want [pizza\"")))
                .containsExactly("intents[0].phrases[1]: column 8: '[' is never closed: write [text](slot)");
    }

    @Test
    void unknownEntityType() {
        assertThat(errors(VALID.replace("\"entityType\": \"sys.time\"", "\"entityType\": \"sys.clock\"")))
                .containsExactly("intents[0].slots[1].entityType: unknown entity type 'sys.clock'");
    }

    @Test
    void duplicateIntent() {
        assertThat(errors(VALID.replace("\"name\": \"again\"", "\"name\": \"hello\"")))
                .containsExactly("intents[2].name: duplicate intent 'hello' (also intents[1])");
    }

    @Test
    void responseVariableThatIsNotASlot() {
        assertThat(errors(VALID.replace("coming at {time}", "coming at {when}")))
                .containsExactly("intents[0].responses[0].text: variable '{when}' is not a slot of intent 'order'");
    }

    @Test
    void requiredSlotWithoutPrompt() {
        assertThat(errors(VALID.replace("\"prompts\": [\"Which topping?\"]", "\"prompts\": []")))
                .containsExactly("intents[0].slots[0].prompts: required slot 'topping' needs at least one prompt");
    }

    @Test
    void optionalFreeTextSlotCouldNeverBeFilled() {
        assertThat(errors(VALID.replace("\"entityType\": \"sys.time\"", "\"entityType\": \"sys.any\"")))
                .containsExactly("intents[0].slots[1].required: a sys.any slot is only filled by answering its prompt, so it must be required");
    }

    @Test
    void followUpWhoseContextNoIntentSets() {
        assertThat(errors(VALID.replace("\"inputContexts\": [\"greeted\"]", "\"inputContexts\": [\"welcomed\"]")))
                .containsExactly("intents[2].inputContexts[0]: no intent sets context 'welcomed', so this intent could never match");
    }

    @Test
    void entityTypeProblems() {
        assertThat(errors(VALID.replace("\"entityTypes\": [", """
                "entityTypes": [{"name": "code", "pattern": "[A-Z"}, {"name": "both", "pattern": "x", "values": [{"value": "y"}]},
                {"name": "sys.mine", "pattern": "z"},""")))
                .containsExactly(
                        "entityTypes[0]: entity 'code': invalid regular expression '[A-Z': Unclosed character class near index 3",
                        "entityTypes[1]: give either values (a list entity) or a pattern (a regex entity)",
                        "entityTypes[2]: entity name 'sys.mine': the 'sys.' prefix is reserved for system entities");
    }

    @Test
    void everyErrorAtOnceAsA422WithAnErrorsList() {
        String broken = VALID.replace("\"locale\": \"en-US\"", "\"locale\": \"fr-FR\"")
                .replace("\"I want pizza\"", "\"I want pizza at [7](hour)\"")
                .replace("A {topping} pizza?", "A {size} pizza?")
                .replace("\"lifespan\": 1", "\"lifespan\": 0")
                .replace("\"fallback\": [{\"text\": \"Pizza only, sorry.\"}]", "\"fallback\": []");
        assertThat(errors(broken)).containsExactly(
                "locale: 'fr-FR' is not supported; use one of en-US, ko-KR",
                "intents[0].phrases[1]: slot 'hour' is not declared",
                "intents[0].confirmation.prompt: variable '{size}' is not a slot of intent 'order'",
                "intents[1].outputContexts[0].lifespan: lifespan must be at least 1 turn, not 0",
                "fallback: a bot needs at least one fallback response");
        assertThatThrownBy(() -> BotValidator.requireValid(BotDefinitions.read(broken)))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo("invalid_bot");
                    assertThat(p.detail()).startsWith("The bot definition has 5 errors; the first: locale:");
                    assertThat(p.extensions().get("errors")).asInstanceOf(LIST).hasSize(5)
                            .element(1).isEqualTo(Map.of("path", "intents[0].phrases[1]", "message", "slot 'hour' is not declared"));
                });
    }

    @Test
    void jsonThatDoesNotFitTheModelIsAnInvalidBotWithThePath() {
        assertThatThrownBy(() -> BotDefinitions.read(VALID.replace("\"prompts\": [\"Which topping?\"]", "\"prompt\": [\"Which topping?\"]")))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("invalid_bot");
                    assertThat(p.extensions().get("errors")).asInstanceOf(LIST).first()
                            .satisfies(e -> assertThat(((Map<?, ?>) e).get("path")).isEqualTo("intents[0].slots[0].prompt"));
                });
        assertThatThrownBy(() -> BotDefinitions.read("{\"name\": ")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.code()).isEqualTo("invalid_bot"));
    }

    @Test
    void jsonAndYamlRoundTrip() {
        for (Bot bot : List.of(ExampleBots.restaurantKorean(), ExampleBots.restaurantEnglish())) {
            assertThat(BotDefinitions.read(BotDefinitions.write(bot))).isEqualTo(bot);
            String yaml = BotDefinitions.write(bot, BotDefinitions.Format.YAML);
            assertThat(yaml).doesNotStartWith("---").contains("intents:");
            assertThat(BotDefinitions.read(yaml, BotDefinitions.Format.YAML)).isEqualTo(bot);
        }
    }

    @Test
    void yamlErrorsNameThePathAndLine() {
        String yaml = BotDefinitions.write(BotDefinitions.read(VALID), BotDefinitions.Format.YAML).replace("prompts:", "prompt:");
        assertThatThrownBy(() -> BotDefinitions.read(yaml, BotDefinitions.Format.YAML)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.code()).isEqualTo("invalid_bot");
            assertThat(p.detail()).contains("intents[0].slots[0].prompt").contains("line ");
        });
        assertThatThrownBy(() -> BotDefinitions.read("name: [unclosed", BotDefinitions.Format.YAML))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("invalid_bot"));
    }

    @Test
    void webhookIsCheckedAndNeededByIntentsThatCallIt() {
        String calling = VALID.replace("\"name\": \"order\",", "\"name\": \"order\", \"webhook\": true,");
        assertThat(errors(calling)).containsExactly("intents[0].webhook: the intent calls a webhook but the bot defines none");
        String withHook = calling.replace("\"locale\": \"en-US\"", "\"locale\": \"en-US\", \"webhook\": {\"url\": \"ftp://x\", \"timeoutMillis\": 20000, \"retries\": 9}");
        assertThat(errors(withHook)).containsExactly("webhook.url: 'ftp://x' is not an http or https URL",
                "webhook.timeoutMillis: must be 100-10000", "webhook.retries: must be 0-3");
        assertThat(errors(withHook.replace("ftp://x", "https://shop.example/fulfil").replace("20000", "2000").replace(": 9", ": 2"))).isEmpty();
    }

    @Test
    void trainingSetIsThePlainTextOfThePhrases() {
        IntentTrainingSet set = BotCompiler.trainingSet(BotDefinitions.read(VALID));
        assertThat(set.phrases()).containsExactly(new TrainingPhrase("a cheese pizza at 7pm", "order"),
                new TrainingPhrase("I want pizza", "order"), new TrainingPhrase("hi", "hello"), new TrainingPhrase("hi again", "again"));
        assertThat(BotCompiler.trainingSet(ExampleBots.restaurantEnglish()).outOfScopeExamples()).hasSize(12);
    }
}
