package io.gureum.server;

import io.gureum.core.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console in a real headless Chromium against a real server with the real models: sign-in (a bad key, with
 * the keyboard), keys created and revoked, the face and object playgrounds on a real photo, OCR of a page, speech to
 * text from a file and from the (fake) microphone, text to speech played in the page, the text services, the
 * server's problems shown as they are (quota exceeded, model not installed), services this server lacks shown as not
 * available, and every page in Korean. One server and one browser serve the whole class; each test signs in with the
 * key it needs, and none may leave a script error or a CSP refusal in the page. Screenshots go to
 * target/console-screenshots/ (docs/console.md lists what each test checks).
 */
class ConsoleBrowserTest {
    private static final Path PHOTOS = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    private static TestServer server;
    private static ConsoleBrowser browser;
    private static String admin;
    private static String projectId;

    @BeforeAll
    static void start() {
        ConsoleBrowser.assumeInstalled();
        server = TestServer.start(null, Map.of());
        admin = server.adminKey();
        projectId = server.api.postJson("/v1/projects", admin, Map.of("name", "console")).json().get("id").asText();
        // some usage for the overview's chart, and an operation for its list
        Map<String, Object> detect = Map.of("documents", List.of(Map.of("id", "1", "text", "구름 콘솔입니다.")));
        server.api.postJson("/v1/language/detect", admin, detect);
        server.api.postJson("/v1/language/detect", admin, detect, Map.of("Prefer", "respond-async"));
        server.gureum().usage().flush(); // usage is written in batches: have it in the database before the page reads it
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

    private static String key(List<String> scopes, Map<String, Long> quotas) {
        return server.api.postJson("/v1/projects/" + projectId + "/keys", admin,
                Map.of("name", "console-test", "scopes", scopes, "quotas", quotas)).json().get("secret").asText();
    }

    @Test
    void aBadKeyIsRefusedWithTheServersProblem() {
        browser.signInWithKeyboard("gur_not-a-real-key");
        var problem = browser.waitFor(By.cssSelector(".problem[data-code]"));
        assertThat(problem.getAttribute("data-code")).isEqualTo("invalid_key");
        assertThat(problem.getText()).contains("401");
        assertThat(browser.findAll(By.id("api-key"))).as("still on the sign-in form").hasSize(1);
        browser.screenshot("signin-bad-key");
    }

    @Test
    void theAdminCreatesAKeyWithScopesRateLimitAndQuota() {
        browser.signIn(admin);
        browser.waitFor(By.id("who"));
        browser.go("keys");
        browser.click(By.xpath("//ul[contains(@class,'select-list')]//button[contains(., '" + projectId + "')]"));
        browser.type(By.id("key-name"), "web app");
        browser.click(By.cssSelector("input[name=scope][value=vision]"));
        browser.click(By.cssSelector("input[name=scope][value=language]"));
        browser.type(By.id("key-rps"), "5");
        browser.type(By.id("key-burst"), "10");
        browser.type(By.id("quota-language"), "100000");
        browser.click(By.cssSelector("#key-form button[type=submit]"));
        String secret = browser.waitFor(By.cssSelector("#new-key-secret pre")).getText();
        assertThat(secret).startsWith("gur_");
        browser.waitUntil(d -> browser.find(By.id("keys-table")).getText().contains("web app"));
        assertThat(browser.find(By.id("keys-table")).getText()).contains("language, vision").contains("5/s, burst 10").contains("100,000");
        browser.screenshot("keys-created");
        // the new secret is a working key: it signs in as a project key
        browser.signIn(secret);
        assertThat(browser.waitFor(By.id("who")).getText()).contains(projectId);
        // a project key sees its own project's keys, read-only
        browser.go("keys");
        assertThat(browser.waitFor(By.id("keys-table")).getText()).contains("web app");
        assertThat(browser.findAll(By.id("key-form"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("#keys-table button"))).isEmpty();
        assertThat(browser.findAll(By.id("project-form"))).isEmpty();
        // and once the admin revokes it, it no longer signs in
        browser.signIn(admin);
        browser.waitFor(By.id("who"));
        browser.go("keys");
        browser.click(By.xpath("//ul[contains(@class,'select-list')]//button[contains(., '" + projectId + "')]"));
        browser.click(By.xpath("//table[@id='keys-table']//tr[td[contains(., 'web app')]]//button"));
        browser.confirmDialog();
        browser.waitUntil(d -> browser.find(By.xpath("//table[@id='keys-table']//tr[td[contains(., 'web app')]]")).getText().contains("revoked"));
        browser.signIn(secret);
        assertThat(browser.waitFor(By.cssSelector(".problem[data-code]")).getAttribute("data-code")).isEqualTo("revoked_key");
    }

    @Test
    void theFacePlaygroundDrawsBoxesOnARealPhoto() {
        Path photo = PHOTOS.resolve("astronaut.png");
        assumeTrue(Files.isRegularFile(photo), "install python3-skimage for the test photos");
        browser.signIn(key(List.of("vision"), Map.of()));
        browser.go("try/faces");
        browser.upload(By.id("faces-image"), photo);
        browser.click(By.cssSelector("#faces-form button[type=submit]"));
        var svg = browser.waitFor(By.cssSelector("svg[data-shapes]"));
        assertThat(Integer.parseInt(svg.getAttribute("data-shapes"))).isEqualTo(1);
        assertThat(browser.findAll(By.cssSelector("svg g.face rect.box"))).hasSize(1);
        assertThat(browser.findAll(By.cssSelector("svg g.face circle.landmark"))).hasSize(6);
        assertThat(browser.find(By.cssSelector("svg g.face text")).getText()).contains("female").contains("happiness");
        assertThat(browser.find(By.cssSelector(".code.json pre")).getText()).contains("\"faces\"").contains("\"landmarks\"");
        assertThat(browser.find(By.cssSelector(".code.curl pre")).getText())
                .contains("faces:detect?attributes=age,gender,emotion").contains("$GUREUM_KEY").contains("--data-binary @astronaut.png");
        browser.screenshot("faces-playground");

        browser.go("try/objects");
        browser.upload(By.id("objects-image"), photo);
        browser.click(By.cssSelector("#objects-form button[type=submit]"));
        assertThat(Integer.parseInt(browser.waitFor(By.cssSelector("svg[data-shapes]")).getAttribute("data-shapes"))).isPositive();
        assertThat(browser.find(By.cssSelector("svg text.box-label")).getText()).startsWith("person");
        browser.screenshot("objects-playground");
    }

    @Test
    void theOcrPlaygroundOverlaysTheTextOfAPage() throws IOException {
        Path page = Files.createTempFile("console-ocr-", ".png");
        ImageIO.write(page("Gureum reads this page"), "png", page.toFile());
        browser.signIn(key(List.of("ocr"), Map.of()));
        browser.go("try/ocr");
        browser.upload(By.id("ocr-image"), page);
        browser.click(By.cssSelector("#ocr-form button[type=submit]"));
        var svg = browser.waitFor(By.cssSelector("svg[data-shapes]"));
        assertThat(Integer.parseInt(svg.getAttribute("data-shapes"))).isGreaterThanOrEqualTo(1);
        assertThat(browser.find(By.cssSelector(".ocr-result-text pre")).getText()).containsIgnoringCase("reads this page");
        assertThat(browser.find(By.cssSelector("svg .ocr-text")).getText()).containsIgnoringCase("Gureum");
        browser.screenshot("ocr-playground");
    }

    private static BufferedImage page(String text) {
        BufferedImage image = new BufferedImage(1000, 260, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 56));
        g.drawString(text, 40, 150);
        g.dispose();
        return image;
    }

    @Test
    void textToSpeechListsVoicesAndPlaysTheSpeech() {
        browser.signIn(key(List.of("text-to-speech"), Map.of()));
        browser.go("try/text-to-speech");
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#tts-voice option")).size() > 1);
        browser.type(By.id("tts-filter"), "ko");
        var korean = browser.findAll(By.cssSelector("#tts-voice option[value]:not([value=''])"));
        assertThat(korean).isNotEmpty().allSatisfy(o -> assertThat(o.getText()).contains("(ko"));
        new Select(browser.find(By.id("tts-voice"))).selectByValue(korean.get(0).getAttribute("value"));
        browser.type(By.id("tts-text"), "안녕하세요. 구름입니다.");
        browser.click(By.cssSelector("#tts-form button[type=submit]"));
        var audio = browser.waitFor(By.id("tts-audio"));
        assertThat(Integer.parseInt(audio.getAttribute("data-bytes"))).isGreaterThan(10_000);
        assertThat(browser.find(By.cssSelector(".code.curl pre")).getText()).contains("\"voice\":\"" + korean.get(0).getAttribute("value"))
                .contains("--output speech.wav");
        // played in the page: the element reaches a positive time, i.e. the browser decoded and ran the audio
        Object played = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const a = document.getElementById('tts-audio');
                a.play().catch(e => done('play failed: ' + e));
                const check = () => a.currentTime > 0.2 ? done(a.currentTime) : (a.error ? done('error ' + a.error.code) : setTimeout(check, 100));
                check();""");
        assertThat(played).isInstanceOf(Number.class);
        assertThat(browser.find(By.id("tts-download")).getAttribute("download")).isEqualTo("speech.wav");
        browser.screenshot("tts-playground");
    }

    @Test
    void speechToTextTranscribesAnUploadedRecording() {
        Path wav = SharedData.resolve("speech/pocketsphinx_librivox/sense_and_sensibility_01_austen_64kb-0870.wav");
        assumeTrue(Files.isRegularFile(wav), "speech test recordings not found: " + wav + " (set GUREUM_SHARED_DATA)");
        browser.signIn(key(List.of("speech-to-text"), Map.of()));
        browser.go("try/speech-to-text");
        browser.upload(By.id("stt-file"), wav);
        browser.click(By.cssSelector("#stt-form button[type=submit]"));
        String transcript = browser.waitFor(By.id("transcript")).getText();
        assertThat(transcript).isNotBlank().doesNotContain("(no speech heard)");
        assertThat(browser.findAll(By.cssSelector("ol.segments li"))).isNotEmpty();
        browser.screenshot("stt-playground");
    }

    @Test
    void aRecordingFromTheMicrophoneIsSentAndTranscribed() throws InterruptedException {
        assumeTrue(server.gureum().ffmpeg().available(), "the browser records WebM/Opus, which the server decodes with ffmpeg: "
                + io.gureum.speech.audio.Ffmpeg.INSTALL_COMMAND);
        browser.signIn(key(List.of("speech-to-text"), Map.of()));
        browser.go("try/speech-to-text");
        browser.click(By.xpath("//form[@id='stt-form']//button[@aria-pressed]"));
        browser.waitUntil(d -> "true".equals(browser.find(By.xpath("//form[@id='stt-form']//button[@aria-pressed]")).getAttribute("aria-pressed")));
        Thread.sleep(1500); // Chromium's fake microphone beeps: a second and a half of it
        browser.click(By.xpath("//form[@id='stt-form']//button[@aria-pressed]"));
        browser.waitFor(By.cssSelector("#stt-form audio"));
        browser.click(By.cssSelector("#stt-form button[type=submit]"));
        // a beep has no words: what matters is that the recording went through the API and came back transcribed
        browser.waitFor(By.id("transcript"));
        assertThat(browser.find(By.cssSelector(".code.curl pre")).getText()).contains("Content-Type: audio/webm").contains("@recording.webm");
        assertThat(browser.find(By.cssSelector(".code.json pre")).getText()).contains("\"durationSeconds\"");
    }

    @Test
    void anEngineWhoseModelIsNotInstalledShowsTheCommandThatInstallsIt() {
        String speechKey = key(List.of("speech-to-text"), Map.of());
        var missing = java.util.stream.StreamSupport.stream(
                        server.api.get("/v1/speech/engines", speechKey).json().get("engines").spliterator(), false)
                .filter(e -> !e.get("installed").asBoolean()).map(e -> e.get("name").asText()).findFirst();
        assumeTrue(missing.isPresent(), "every speech engine's model is installed here: nothing to refuse");
        browser.signIn(speechKey);
        browser.go("try/speech-to-text");
        browser.upload(By.id("stt-file"), silentWav());
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#stt-engine option")).size() > 1);
        new Select(browser.find(By.id("stt-engine"))).selectByValue(missing.get());
        browser.click(By.cssSelector("#stt-form button[type=submit]"));
        var problem = browser.waitFor(By.cssSelector(".problem[data-code]"));
        assertThat(problem.getAttribute("data-code")).isEqualTo("model_not_installed");
        assertThat(problem.getText()).contains("503");
        assertThat(problem.findElement(By.cssSelector(".code pre")).getText()).startsWith("./gureum models install");
        browser.screenshot("model-not-installed");
    }

    /** One second of silence as 16 kHz WAV: enough for the engine check, which comes before decoding. */
    private static Path silentWav() {
        try {
            Path wav = Files.createTempFile("console-silence-", ".wav");
            byte[] pcm = new byte[32_000];
            var format = new javax.sound.sampled.AudioFormat(16_000, 16, 1, true, false);
            try (var in = new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(pcm), format, pcm.length / 2)) {
                javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, wav.toFile());
            }
            return wav;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anExceededQuotaIsShownAsTheServersProblem() {
        browser.signIn(key(List.of("language"), Map.of("language", 10L)));
        browser.go("try/sentiment");
        browser.click(By.cssSelector("#sentiment-form button[type=submit]"));
        var problem = browser.waitFor(By.cssSelector(".problem[data-code]"));
        assertThat(problem.getAttribute("data-code")).isEqualTo("quota_exceeded");
        assertThat(problem.getText()).contains("429").contains("Quota exceeded").contains("quota for 'language' is 10")
                .containsPattern("Try again in \\d+ d");
        assertThat(browser.find(By.cssSelector(".code.curl pre")).getText()).contains("/v1/language/sentiment");
        browser.screenshot("quota-exceeded");
    }

    @Test
    void theTextPlaygroundsShowLanguagesAndRedactPersonalData() {
        browser.signIn(key(List.of("language"), Map.of()));
        browser.go("try/language-detection");
        browser.click(By.cssSelector("#detect-form button[type=submit]"));
        assertThat(browser.waitFor(By.cssSelector("ul.bars li")).getText()).startsWith("Korean (ko)");
        browser.go("try/pii");
        browser.click(By.cssSelector("#pii-form button[type=submit]"));
        assertThat(browser.waitFor(By.id("pii-redacted")).getText()).isEqualTo("김민준 *************, ******************");
        assertThat(browser.findAll(By.cssSelector("p.marked mark"))).hasSize(2);
        browser.screenshot("pii-playground");

        browser.go("try/sentiment");
        browser.click(By.cssSelector("#sentiment-form button[type=submit]"));
        browser.waitFor(By.id("sentiment-label"));
        assertThat(browser.findAll(By.cssSelector("ul.sentences li.sentence-positive"))).hasSize(1);
        assertThat(browser.findAll(By.cssSelector("ul.sentences li.sentence-negative"))).hasSize(1);

        boolean englishToSpanish = server.api.get("/v1/language/translate/languages", admin).status() == 200;
        if (englishToSpanish) { // apertium-eng-spa is a Debian package; without it the page shows the 503 instead
            browser.go("try/translation");
            browser.click(By.cssSelector("#translate-form button[type=submit]"));
            assertThat(browser.waitFor(By.id("translation-text")).getText()).containsIgnoringCase("casa");
        }
    }

    @Test
    void theOverviewModelsAndOperationsPagesShowTheServerInKoreanToo() {
        browser.signIn(admin);
        browser.waitFor(By.id("who"));
        browser.go("overview");
        browser.waitFor(By.id("usage-chart"));
        new Select(browser.find(By.id("usage-metric"))).selectByValue("language"); // one service's units, redrawn
        browser.waitFor(By.id("usage-chart"));
        browser.waitUntil(d -> browser.find(By.id("health")).getText().contains("Ready"));
        browser.go("models");
        assertThat(browser.waitFor(By.id("models-table")).findElements(By.cssSelector("tr[data-installed=true]"))).isNotEmpty();
        browser.go("operations");
        browser.waitUntil(d -> browser.find(By.id("operations-table")).getText().contains("language.detect"));
        browser.waitUntil(d -> browser.find(By.id("operations-table")).getText().contains("succeeded"));
        browser.click(By.id("lang-switch"));
        browser.waitUntil(d -> browser.find(By.id("page-title")).getText().equals("작업 목록"));
        browser.go("overview");
        browser.waitUntil(d -> browser.find(By.id("health")).getText().contains("준비됨"));
        String text = browser.pageText();
        assertThat(text).contains("개요", "API 체험", "얼굴 인식", "키와 할당량", "이번 달 사용량");
        assertThat(text).doesNotContainPattern(ConsoleBrowser.UNTRANSLATED);
        browser.screenshot("overview-ko");
        // every page in Korean: no string key shows through where a translation is missing
        for (String page : List.of("try/faces", "try/objects", "try/ocr", "try/speech-to-text", "try/text-to-speech", "try/translation",
                "try/language-detection", "try/sentiment", "try/pii", "chatbots", "automl", "keys", "models", "operations", "overview")) {
            browser.go(page);
            assertThat(browser.pageText()).as(page).doesNotContainPattern(ConsoleBrowser.UNTRANSLATED);
        }
        browser.click(By.id("lang-switch"));
        browser.waitUntil(d -> browser.find(By.id("page-title")).getText().equals("Overview"));
        browser.screenshot("overview");
        // a phone's width: one column, the navigation above the page, nothing wider than the screen
        browser.resize(390, 844);
        try {
            browser.waitUntil(d -> ((Number) browser.script("return document.documentElement.scrollWidth")).intValue() <= 390);
            browser.screenshot("overview-narrow");
        } finally {
            browser.resize(1440, 1000);
        }
    }
}
