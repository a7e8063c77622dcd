package io.gureum.speech.tts;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class SsmlParserTest {
    private static final Voice EN = ToneSynthesizer.ENGLISH;
    private static final Voice KO = ToneSynthesizer.KOREAN;

    private final SsmlParser parser = new SsmlParser(new VoiceCatalog(List.of(new ToneSynthesizer())));

    @Test
    void nestedMarkupBecomesAFlatListOfSpeechAndPauses() {
        Script script = parse("""
                <speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">
                  Hello
                  <prosody rate="fast" pitch="+2st" volume="-6dB">quick <say-as interpret-as="characters">abc</say-as> text</prosody>
                  <break time="1.5s"/>
                  <voice xml:lang="ko">안녕하세요</voice>
                  <sub alias="World Wide Web">WWW</sub> <say-as interpret-as="digits">2024</say-as>
                </speak>""");

        assertThat(script.voice()).isEqualTo(EN);
        List<Segment> segments = script.segments();
        assertThat(segments).hasSize(5);
        assertThat(segments.get(0)).isEqualTo(new Segment.Speech("Hello", EN, Prosody.NORMAL));
        Segment.Speech fast = (Segment.Speech) segments.get(1);
        assertThat(fast.text()).isEqualTo("quick A-B-C text");
        assertThat(fast.prosody().rate()).isEqualTo(1.5);
        assertThat(fast.prosody().pitch()).isCloseTo(Math.pow(2, 2 / 12.0), within(1e-9));
        assertThat(fast.prosody().volume()).isCloseTo(0.501, within(0.001));
        assertThat(segments.get(2)).isEqualTo(new Segment.Pause(1500));
        assertThat(segments.get(3)).isEqualTo(new Segment.Speech("안녕하세요", KO, Prosody.NORMAL));
        assertThat(segments.get(4)).isEqualTo(new Segment.Speech("World Wide Web 2 0 2 4", EN, Prosody.NORMAL));
    }

    @Test
    void theRequestsVoiceWinsOverTheDocumentsLanguage() {
        assertThat(parser.parse("<speak xml:lang=\"en-US\">Hi</speak>", KO, EN, Prosody.NORMAL).voice()).isEqualTo(KO);
        assertThat(parse("<speak xml:lang=\"ko-KR\">Hi</speak>").voice()).isEqualTo(KO);
        assertThat(parse("<speak>Hi</speak>").voice()).isEqualTo(EN);
    }

    @Test
    void aVoiceIsChosenByIdOrLanguageAndGender() {
        assertThat(speech(parse("<speak><voice name=\"tone:ko\">a</voice></speak>"), 0).voice()).isEqualTo(KO);
        assertThat(speech(parse("<speak><voice name=\"ko\">a</voice></speak>"), 0).voice()).isEqualTo(KO);
        assertThat(speech(parse("<speak><voice gender=\"male\">a</voice></speak>"), 0).voice())
                .isEqualTo(ToneSynthesizer.ENGLISH_MALE);
        assertThat(speech(parse("<speak><voice xml:lang=\"en\" gender=\"female\">a</voice></speak>"), 0).voice())
                .isEqualTo(EN);
        assertThat(speech(parse("<speak><s xml:lang=\"ko\">a</s></speak>"), 0).voice()).isEqualTo(KO);
    }

    @Test
    void namedProsodyIsAMultipleOfTheRequestsAndNumbersOfTheEnclosingValue() {
        Prosody requested = new Prosody(1.2, 1, 1);
        Script script = parser.parse("""
                <speak><prosody rate="x-slow">a</prosody><prosody rate="+50%"><prosody rate="150%">b</prosody>
                <prosody rate="default">c</prosody></prosody><prosody volume="silent">d</prosody>
                <prosody pitch="x-high" volume="+50%">e</prosody></speak>""", null, EN, requested);
        assertThat(speech(script, 0).prosody().rate()).isCloseTo(0.6, within(1e-9));
        assertThat(speech(script, 1).prosody().rate()).as("1.2 * 1.5 * 1.5, within the supported 2").isEqualTo(2.0);
        assertThat(speech(script, 2).prosody().rate()).isCloseTo(1.2, within(1e-9));
        assertThat(speech(script, 3).prosody().volume()).isZero();
        assertThat(speech(script, 4).prosody()).isEqualTo(new Prosody(1.2, 1.2, 1.5));
    }

    @Test
    void sentencesAndParagraphsAreSpokenApartAndAdjacentTextTogether() {
        Script script = parse("<speak><p><s>One.</s><s>Two.</s></p>Three <sub alias=\"four\">4</sub>.</speak>");
        assertThat(script.segments()).extracting(s -> ((Segment.Speech) s).text())
                .containsExactly("One.", "Two.", "Three four.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <speak>Hello                                                 | XML document structures must start and end
            <voice name="tone:en">Hi</voice>                             | the root element must be <speak>
            <speak><speak>Hi</speak></speak>                             | <speak> is the root element
            <speak><emphasis>Hi</emphasis></speak>                       | unknown element <emphasis>
            <speak><x:y xmlns:x="urn:x">Hi</x:y></speak>                 | unknown element <x:y>
            <speak><prosody speed="1">Hi</prosody></speak>               | <prosody> has no attribute 'speed'
            <speak><prosody>Hi</prosody></speak>                         | <prosody> needs a rate, pitch or volume
            <speak><prosody rate="fastest">Hi</prosody></speak>          | rate 'fastest' is not valid
            <speak><prosody rate="-100%">Hi</prosody></speak>            | rate '-100%' is not valid
            <speak><prosody pitch="200Hz">Hi</prosody></speak>           | absolute Hz is not supported
            <speak><prosody volume="loud!">Hi</prosody></speak>          | volume 'loud!' is not valid
            <speak><break time="5 minutes"/></speak>                     | break time '5 minutes' is not valid
            <speak><break time="11s"/></speak>                           | longer than the limit of 10s
            <speak><break strength="huge"/></speak>                      | break strength 'huge' is not valid
            <speak><break>Hi</break></speak>                             | <break> must be empty
            <speak><say-as interpret-as="date">2024-01-01</say-as></speak> | interpret-as 'date' is not supported
            <speak><say-as>123</say-as></speak>                          | <say-as> needs interpret-as
            <speak><say-as interpret-as="digits"><sub alias="x">1</sub></say-as></speak> | <say-as> may contain only text
            <speak><sub>WWW</sub></speak>                                | <sub> needs an alias
            <speak><voice>Hi</voice></speak>                             | <voice> needs a name
            <speak><voice name="tone:nobody">Hi</voice></speak>          | there is no voice 'tone:nobody'
            <speak><voice xml:lang="xx">Hi</voice></speak>               | there is no voice for the language 'xx'
            <speak><voice gender="robot">Hi</voice></speak>              | gender 'robot' is not valid
            <speak xml:lang="xx">Hi</speak>                              | there is no voice for the language 'xx'
            """)
    void invalidSsmlIsA400SayingWhereAndWhat(String ssml, String what) {
        Problem problem = problemOf(ssml);
        assertThat(problem.code()).isEqualTo(TtsProblems.INVALID_SSML);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains(what).contains("line 1, column ");
        assertThat(problem.extensions()).containsEntry("line", 1).containsKey("column");
    }

    @Test
    void theLineAndColumnPointAtTheMistake() {
        Problem problem = problemOf("<speak>\n  Hello\n  <shout>there</shout>\n</speak>");
        assertThat(problem.extensions()).containsEntry("line", 3).containsEntry("column", 10);
    }

    @Test
    void doctypesAreRefusedSoEntitiesCannotReadFilesOrExpandWithoutBound() {
        String externalEntity = "<?xml version=\"1.0\"?><!DOCTYPE speak [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<speak>&secret;</speak>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE speak [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<speak>&b;</speak>";
        for (String ssml : List.of(externalEntity, laughs)) {
            Problem problem = problemOf(ssml);
            assertThat(problem.code()).isEqualTo(TtsProblems.INVALID_SSML);
            assertThat(problem.detail()).contains("DOCTYPE").doesNotContain("root:");
        }
    }

    private Script parse(String ssml) {
        return parser.parse(ssml, null, EN, Prosody.NORMAL);
    }

    private static Segment.Speech speech(Script script, int index) {
        return (Segment.Speech) script.segments().stream().filter(s -> s instanceof Segment.Speech).toList().get(index);
    }

    private Problem problemOf(String ssml) {
        Problem problem = catchThrowableOfType(Problem.class, () -> parse(ssml));
        assertThat(problem).as("a problem for %s", ssml).isNotNull();
        return problem;
    }
}
