package io.gureum.speech.tts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {
    @Test
    void koreanChineseAndJapaneseSentenceEndsAreChunkBoundaries() {
        String korean = "안녕하세요. 만나서 정말 반갑습니다! 오늘은 날씨가 아주 좋네요? 우리 같이 공원에 산책하러 갈까요? 네, 좋아요.";
        assertThat(Sentences.chunks(korean, Locale.KOREAN)).containsExactly(
                "안녕하세요. 만나서 정말 반갑습니다! 오늘은 날씨가 아주 좋네요? 우리 같이 공원에 산책하러 갈까요?", "네, 좋아요.");
        String chinese = "今天天气很好。我们去公园散步吧！你觉得怎么样？".repeat(3);
        assertThat(Sentences.chunks(chinese, Locale.CHINESE))
                .hasSize(2)
                .allSatisfy(chunk -> assertThat(chunk).matches(".*[。！？]"));
        assertThat(Sentences.chunks("こんにちは。元気ですか？", Locale.JAPANESE)).containsExactly("こんにちは。 元気ですか？");
    }

    @Test
    void sentencesArePackedIntoChunksThatNeverSplitOne() {
        String sentence = "This sentence is forty-two characters long. ";
        List<String> chunks = Sentences.chunks(sentence.repeat(30), Locale.ENGLISH);
        assertThat(chunks.get(0)).hasSizeLessThanOrEqualTo(Sentences.FIRST_CHUNK);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk).hasSizeLessThanOrEqualTo(Sentences.MAX_CHUNK).endsWith("long.");
            assertThat(chunk).startsWith("This");
        });
        assertThat(String.join(" ", chunks)).isEqualTo(sentence.repeat(30).strip());
    }

    @Test
    void aSentenceLongerThanAChunkIsCutAfterAClauseOrAtASpace() {
        String clauses = "one two three four five six seven eight nine ten, ".repeat(8) + "end.";
        List<String> chunks = Sentences.chunks(clauses, Locale.ENGLISH);
        assertThat(chunks).hasSizeGreaterThan(2).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(Sentences.MAX_CHUNK));
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c).endsWith(","));

        String words = "word ".repeat(100);
        assertThat(Sentences.chunks(words, Locale.ENGLISH)).allSatisfy(c -> assertThat(c).startsWith("word").endsWith("word"));
    }

    @Test
    void unpunctuatedTextWithoutSpacesIsCutAnywhereButInsideACharacter() {
        String emoji = "😀".repeat(150); // 300 chars, surrogate pairs
        List<String> chunks = Sentences.chunks(emoji, Locale.ROOT);
        assertThat(String.join("", chunks)).isEqualTo(emoji);
        assertThat(chunks).allSatisfy(c -> assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).isFalse());
    }

    @Test
    void paragraphsAreChunkBoundariesAndLineBreaksWithinOneAreSpaces() {
        assertThat(Sentences.chunks("Title line\n\nFirst line\nsecond line.", Locale.ENGLISH))
                .containsExactly("Title line", "First line second line.");
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(Sentences.chunks("Hello\u0001 50P world\u0000.", Locale.ENGLISH)).containsExactly("Hello 50P world .");
    }
}
