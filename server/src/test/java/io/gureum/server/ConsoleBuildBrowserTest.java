package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.gureum.chatbot.bot.BotDefinitions;
import io.gureum.chatbot.bot.ExampleBots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's Build pages and the chat widget in a real headless Chromium against a real server with real models:
 * the English example bot imported, trained and talked to up to its confirmation (quick replies clicked, the parse
 * beside the chat); an AutoML experiment on a generated CSV from upload to leaderboard, feature importance and a
 * prediction from the form built from the model card; and the one-line widget on a page of another origin. Kept
 * apart from ConsoleBrowserTest (its own server and browser) so the two can evolve separately; screenshots go to
 * target/console-screenshots/ like that class's.
 */
class ConsoleBuildBrowserTest {
    private static TestServer server;
    private static ConsoleBrowser browser;
    private static String admin;
    private static String projectId;

    @BeforeAll
    static void start() {
        ConsoleBrowser.assumeInstalled();
        server = TestServer.start(null, Map.of());
        admin = server.adminKey();
        projectId = server.api.postJson("/v1/projects", admin, Map.of("name", "build")).json().get("id").asText();
        browser = ConsoleBrowser.open("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @AfterEach
    void theConsoleRanCleanly() {
        if (browser != null) assertThat(browser.pageErrors()).as("script errors or CSP refusals in the page").isEmpty();
    }

    /** A screenshot with the part it is about at the top of the window (the pages are longer than the window). */
    private static void shot(String name, By top) {
        browser.script("arguments[0].scrollIntoView({block: 'start'})", browser.find(top));
        browser.screenshot(name);
    }

    private static String key(String... scopes) {
        return server.api.postJson("/v1/projects/" + projectId + "/keys", admin,
                Map.of("name", "build-test", "scopes", List.of(scopes))).json().get("secret").asText();
    }

    // ------------------------------------------------------------------ chatbots

    private static List<WebElement> botMessages() {
        return browser.findAll(By.cssSelector("#chat-messages li.msg.bot"));
    }

    /** Sends a message (typed, or a quick reply clicked), waits for the bot's answer and for the parse of the same text. */
    private static String exchange(Runnable send, String text) {
        int before = botMessages().size();
        send.run();
        browser.waitUntil(d -> botMessages().size() > before);
        browser.waitUntil(d -> text.equals(browser.find(By.id("parse-result")).getAttribute("data-text")));
        List<WebElement> replies = botMessages();
        return replies.get(replies.size() - 1).findElement(By.className("msg-text")).getText();
    }

    private static String say(String text) {
        return exchange(() -> {
            browser.type(By.id("chat-text"), text);
            browser.find(By.id("chat-text")).sendKeys(Keys.ENTER); // the keyboard alone sends
        }, text);
    }

    private static String clickQuickReply(String label) {
        return exchange(() -> browser.click(By.xpath("//div[@id='chat-quick']/button[normalize-space(.)='" + label + "']")), label);
    }

    @Test
    void theExampleBotIsImportedTrainedAndTalkedToUpToItsConfirmation() {
        browser.signIn(key("chatbot"));
        browser.waitFor(By.id("who"));
        browser.go("chatbots");
        // a YAML definition with mistakes: the 422 invalid_bot problem lists each error with its path
        browser.type(By.id("bot-definition"), "name: Broken\nlocale: fr-FR\nintents: []\nfallback: []\n");
        browser.click(By.cssSelector("#bot-import-form button[type=submit]"));
        assertThat(browser.waitFor(By.cssSelector("#bot-import-form .problem[data-code]")).getAttribute("data-code")).isEqualTo("invalid_bot");
        assertThat(browser.waitFor(By.cssSelector("ul.bot-errors")).getText()).contains("locale").contains("fr-FR");
        assertThat(browser.find(By.cssSelector("#bot-import-form .code.curl pre")).getText()).contains("Content-Type: application/yaml");
        shot("chatbot-invalid", By.id("bot-import-title"));

        browser.click(By.cssSelector("button[data-example='restaurant-en.json']"));
        browser.waitUntil(d -> browser.find(By.id("bot-definition")).getAttribute("value").contains("book_table"));
        browser.click(By.cssSelector("#bot-import-form button[type=submit]"));
        browser.waitFor(By.id("bot-detail"));
        assertThat(browser.find(By.cssSelector("#bot-import-form .code.curl pre")).getText())
                .contains("/v1/bots").contains("Content-Type: application/json").contains("$GUREUM_KEY");
        assertThat(browser.find(By.id("chat-needs-training")).getText()).contains("Train");

        browser.click(By.id("bot-train"));
        browser.waitFor(By.cssSelector("#train-status[data-status=succeeded]"));
        WebElement card = browser.waitFor(By.id("bot-model-card"));
        assertThat(card.getText()).contains("Version 1").contains("Intents").contains("Training phrases").contains("all-minilm");
        assertThat(browser.find(By.id("train-status")).getText()).contains("version 1 trained");
        shot("chatbot-trained", By.id("bot-detail"));

        assertThat(say("hi")).startsWith("Hello!");
        assertThat(clickQuickReply("Book a table")).contains("How many people");
        assertThat(browser.script("return document.activeElement.id")).as("focus back in the message field").isEqualTo("chat-text");
        assertThat(browser.find(By.id("parse-intent")).getText()).isEqualTo("book_table");
        assertThat(say("4 people tomorrow at 7pm")).contains("name");
        // the parse beside the chat: the ranking and the entities with their UTF-16 offsets in the message
        assertThat(browser.findAll(By.cssSelector("#parse-intents li"))).isNotEmpty();
        String entities = browser.find(By.id("parse-entities")).getText();
        assertThat(entities).contains("sys.number").contains("0–1").contains("sys.date").contains("tomorrow").contains("sys.time");
        assertThat(browser.findAll(By.cssSelector("#parse-result p.marked mark"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.find(By.id("chat-slots")).getText()).contains("party_size").contains("date").contains("time");
        assertThat(say("Kim Minsu")).contains("phone");
        String confirmation = say("415-555-2671");
        assertThat(confirmation).contains("A table for 4").contains("Kim Minsu").contains("Shall I book it?");
        assertThat(browser.find(By.id("chat-status")).getAttribute("data-status")).isEqualTo("confirming");
        assertThat(browser.findAll(By.cssSelector("#chat-quick button")).stream().map(WebElement::getText).toList()).contains("Yes", "No");
        assertThat(browser.find(By.cssSelector(".chat .code.curl pre")).getText()).contains("/sessions/console-").contains(":message");
        assertThat(browser.find(By.cssSelector(".chat .code.json pre")).getText()).contains("\"status\": \"confirming\"");
        shot("chatbot-confirming", By.id("chat-title"));

        assertThat(clickQuickReply("Yes")).startsWith("Done!");
        assertThat(browser.find(By.id("chat-status")).getAttribute("data-status")).isEqualTo("fulfilled");
        shot("chatbot-fulfilled", By.id("chat-title"));

        // the same page in Korean: the model card, dialog state and parse labels are translated
        browser.click(By.id("lang-switch"));
        browser.waitUntil(d -> browser.find(By.id("chat-title")).getText().equals("테스트 대화"));
        assertThat(browser.pageText()).doesNotContainPattern(ConsoleBrowser.UNTRANSLATED).contains("모델 카드").contains("완료");
        shot("chatbot-ko", By.id("bot-title"));
        browser.click(By.id("lang-switch"));
        browser.waitUntil(d -> browser.find(By.id("chat-title")).getText().equals("Test chat"));
    }

    // ------------------------------------------------------------------ AutoML

    /**
     * 300 customers: age (numeric), plan (categorical) and monthly spend (numeric, with a few gaps), and whether they
     * churned, which depends on age and plan with some noise; seeded, so every run uploads the same bytes.
     */
    static String customersCsv() {
        Random random = new Random(20261126);
        String[] plans = {"basic", "plus", "pro"};
        StringBuilder csv = new StringBuilder("age,plan,monthly_spend,churned\n");
        for (int i = 0; i < 300; i++) {
            int age = 18 + random.nextInt(60);
            String plan = plans[random.nextInt(plans.length)];
            double spend = 10 + random.nextInt(90) + (plan.equals("pro") ? 40 : 0);
            double risk = (age < 35 ? 0.6 : 0.15) + (plan.equals("basic") ? 0.25 : plan.equals("plus") ? 0.0 : -0.1);
            boolean churned = random.nextDouble() < risk;
            csv.append(age).append(',').append(plan).append(',')
                    .append(i % 37 == 5 ? "" : String.format(Locale.ROOT, "%.2f", spend)).append(',')
                    .append(churned ? "yes" : "no").append('\n');
        }
        return csv.toString();
    }

    @Test
    void anAutoMlExperimentGoesFromUploadToLeaderboardAndAPrediction() throws IOException {
        Path csv = Files.createTempDirectory("gureum-automl").resolve("customers.csv");
        Files.writeString(csv, customersCsv());
        browser.signIn(key("automl"));
        browser.waitFor(By.id("who"));
        browser.go("automl");
        // a malformed file first: the server's 400 problem, with where it went wrong
        Path broken = csv.resolveSibling("broken.csv");
        Files.writeString(broken, "age,plan\n31,basic\n42,pro,extra\n");
        browser.upload(By.id("dataset-file"), broken);
        browser.click(By.cssSelector("#dataset-form button[type=submit]"));
        WebElement problem = browser.waitFor(By.cssSelector("#automl-dataset .problem[data-code]"));
        assertThat(problem.getAttribute("data-code")).isEqualTo("malformed_csv");
        assertThat(problem.getText()).contains("400").contains("row 3");
        shot("automl-malformed", By.id("dataset-title"));
        browser.upload(By.id("dataset-file"), csv);
        browser.click(By.cssSelector("#dataset-form button[type=submit]"));
        WebElement schema = browser.waitFor(By.id("dataset-schema"));
        assertThat(schema.findElement(By.cssSelector("tr[data-column=age]")).getAttribute("data-type")).isEqualTo("numeric");
        assertThat(schema.findElement(By.cssSelector("tr[data-column=plan]")).getAttribute("data-type")).isEqualTo("categorical");
        // the generator leaves monthly_spend empty in 8 rows (i % 37 == 5): the "missing" cell says so
        assertThat(schema.findElement(By.cssSelector("tr[data-column=monthly_spend]")).findElements(By.tagName("td")).get(1).getText()).isEqualTo("8");
        // the upload's call is folded under the schema: its curl names the file as the body
        assertThat(browser.find(By.cssSelector("#automl-dataset .code.curl pre")).getAttribute("textContent"))
                .contains("/v1/datasets?name=customers.csv").contains("Content-Type: text/csv").contains("--data-binary @customers.csv");
        assertThat(browser.find(By.id("dataset-summary")).getText()).contains("customers.csv").contains("300 rows × 4 columns");
        assertThat(browser.findAll(By.cssSelector("#dataset-preview tbody tr"))).hasSize(8);
        shot("automl-dataset", By.id("dataset-summary"));

        assertThat(browser.find(By.id("exp-target")).getAttribute("value")).isEqualTo("churned");
        browser.type(By.id("exp-budget"), "10");
        browser.type(By.id("exp-folds"), "3");
        browser.click(By.cssSelector("#experiment-form button[type=submit]"));
        browser.waitFor(By.id("experiment-progress"));
        assertThat(browser.find(By.cssSelector("#automl-experiment .code.curl pre")).getText())
                .contains("/v1/automl/experiments").contains("\"timeBudgetSeconds\":10").contains("\"folds\":3");
        // while it runs: the cancel button, and the count of models rising
        browser.waitFor(By.id("experiment-cancel"));
        browser.waitUntil(d -> Integer.parseInt(browser.find(By.id("models-trained")).getText().trim()) > 0
                || browser.findAll(By.id("leaderboard")).size() > 0);
        shot("automl-running", By.id("experiment-progress"));

        WebElement board = browser.waitFor(By.id("leaderboard"));
        assertThat(browser.find(By.id("experiment-progress")).getAttribute("data-status")).isEqualTo("succeeded");
        assertThat(board.getText()).contains("Rank").contains("Family").contains("Score (auc)").contains("Prediction per row");
        List<WebElement> rows = board.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        String leaderEntry = rows.get(0).findElement(By.tagName("code")).getText();
        List<WebElement> importance = browser.findAll(By.cssSelector("#feature-importance li"));
        assertThat(importance).hasSizeGreaterThanOrEqualTo(2);
        assertThat(importance.stream().map(e -> e.getAttribute("data-column")).toList()).contains("age", "plan");

        WebElement age = browser.waitFor(By.cssSelector("#predict-form input[name=age]"));
        assertThat(age.getAttribute("value")).as("prefilled from the first row").isNotEmpty();
        assertThat(browser.find(By.id("model-card-summary")).getText()).as("the saved model is the leader")
                .contains("leaderboard entry " + leaderEntry).contains("predicts churned (no, yes)");
        shot("automl-leaderboard", By.id("results-title"));
        browser.click(By.cssSelector("#predict-form button[type=submit]"));
        String label = browser.waitFor(By.id("prediction-label")).getText();
        assertThat(label).isIn("yes", "no");
        assertThat(browser.findAll(By.cssSelector("#prediction-probabilities li"))).hasSize(2);
        assertThat(browser.find(By.cssSelector("#automl-predict .code.curl pre")).getText()).contains(":predict").contains("\"rows\":[{");
        shot("automl-prediction", By.id("predict-title"));

        // a row the model cannot score is that row's error, shown as such (the call itself succeeds)
        browser.type(By.cssSelector("#predict-form input[name=age]"), "old");
        browser.click(By.cssSelector("#predict-form button[type=submit]"));
        assertThat(browser.waitFor(By.id("prediction-error")).getText()).contains("age");

        // the same page in Korean: no string key shows through
        browser.click(By.id("lang-switch"));
        browser.waitUntil(d -> browser.find(By.id("results-title")).getText().equals("3. 리더보드"));
        assertThat(browser.pageText()).doesNotContainPattern(ConsoleBrowser.UNTRANSLATED).contains("특성 중요도");
        shot("automl-ko", By.id("results-title"));
        browser.click(By.id("lang-switch"));
        browser.waitUntil(d -> browser.find(By.id("results-title")).getText().equals("3. Leaderboard"));

        // a second, longer experiment on the same dataset, cancelled once a model is done: the search stops early
        // and the models finished so far are still ranked
        browser.type(By.id("exp-budget"), "120");
        browser.click(By.cssSelector("#experiment-form button[type=submit]"));
        browser.waitFor(By.id("experiment-cancel"));
        browser.waitUntil(d -> Integer.parseInt(browser.find(By.id("models-trained")).getText().trim()) > 0);
        browser.click(By.id("experiment-cancel"));
        browser.waitFor(By.id("leaderboard"));
        assertThat(browser.find(By.id("experiment-progress")).getText()).contains("Ended by").contains("cancel");
        assertThat(browser.findAll(By.id("experiment-cancel"))).isEmpty();
        shot("automl-cancelled", By.id("experiment-progress"));

        // a phone's width: the wide tables scroll inside their cards, the page itself is no wider than the screen
        browser.resize(390, 844);
        try {
            try {
                browser.waitUntil(d -> ((Number) browser.script("return document.documentElement.scrollWidth")).intValue() <= 390);
            } catch (TimeoutException e) {
                throw new AssertionError("wider than the screen: " + browser.script("return [...document.querySelectorAll('main *')]"
                        + ".filter(e => e.getBoundingClientRect().right > 391).slice(-5)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"), e);
            }
            shot("automl-narrow", By.id("results-title"));
        } finally {
            browser.resize(1440, 1000);
        }

        // opened afresh, the page offers the uploaded dataset: choosing it shows its schema again
        browser.go("automl");
        new Select(browser.waitFor(By.id("dataset-existing"))).selectByVisibleText("customers.csv · 300 rows × 4 columns");
        assertThat(browser.waitFor(By.id("dataset-schema")).findElements(By.cssSelector("tbody tr"))).hasSize(4);
        assertThat(browser.find(By.id("exp-target")).getAttribute("value")).isEqualTo("churned");
    }

    // ------------------------------------------------------------------ the chat widget

    @Test
    void theChatWidgetTalksToTheBotFromAPageOfAnotherOrigin() throws IOException {
        String chatKey = key("chatbot");
        ApiClient.Response created = server.api.send("POST", "/v1/bots", chatKey, "application/json",
                BotDefinitions.write(ExampleBots.restaurantEnglish()).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String botId = created.json().get("id").asText();
        ApiClient.Response training = server.api.postJson("/v1/bots/" + botId + ":train", chatKey, Map.of());
        JsonNode op = server.api.awaitOperation(training.header("Operation-Location"), chatKey, Duration.ofMinutes(2));
        assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("succeeded");

        // a shop's page on its own origin (another port), with the one-line script tag
        String page = "<!doctype html><html lang=en><meta charset=utf-8><title>Bistro</title><h1>Bistro Gureum</h1>"
                + "<script src=\"http://127.0.0.1:" + server.port() + "/widget/chat.js\" data-bot=\"" + botId + "\" data-key=\"" + chatKey
                + "\" data-title=\"Bistro\" data-open=\"true\" async></script></html>";
        HttpServer shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        shop.start();
        try {
            browser.get("http://127.0.0.1:" + shop.getAddress().getPort() + "/");
            // the widget's host element has no box of its own (its button and dialog are fixed in its shadow root)
            SearchContext widget = browser.waitUntil(d -> d.findElements(By.cssSelector("[data-gureum-chat]")).stream().findFirst().orElse(null))
                    .getShadowRoot();
            WebElement input = browser.waitUntil(d -> visible(widget, "input"));
            input.sendKeys("what are your opening hours", Keys.ENTER);
            browser.waitUntil(d -> lastBotText(widget).contains("Monday to Friday"));
            browser.screenshot("widget-reply");
            browser.waitUntil(d -> visible(widget, ".chip")).getText();
            widget.findElements(By.cssSelector(".chip")).stream().filter(c -> c.getText().equals("And on weekends?")).findFirst()
                    .orElseThrow(() -> new AssertionError("no quick reply 'And on weekends?'")).click();
            browser.waitUntil(d -> lastBotText(widget).contains("weekends we are open"));
            assertThat(widget.findElements(By.cssSelector(".msg.user")).stream().map(WebElement::getText).toList())
                    .containsExactly("what are your opening hours", "And on weekends?");
            browser.screenshot("widget-quick-reply");
        } finally {
            shop.stop(0);
        }
    }

    private static WebElement visible(SearchContext root, String css) {
        return root.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    private static String lastBotText(SearchContext root) {
        List<WebElement> bot = root.findElements(By.cssSelector(".msg.bot"));
        return bot.isEmpty() ? "" : bot.get(bot.size() - 1).getText();
    }
}
