package io.gureum.chatbot.nlu;

import io.gureum.core.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small bank bot, English and Korean phrases, trained on the real MiniLM model. */
class IntentClassifierTest {
    private static final Map<String, List<String>> PHRASES = Map.of(
            "balance", List.of("what is my balance", "how much money do i have", "check my account balance",
                    "show me my balance please", "how much is in my checking account", "balance of my savings",
                    "잔액 조회해 주세요", "계좌 잔액이 얼마야", "내 통장에 돈이 얼마 있어", "잔고 확인"),
            "transfer", List.of("send money to my mom", "transfer 50 dollars to savings", "move money between accounts",
                    "i want to wire money", "make a transfer to john", "pay my friend 20 dollars",
                    "엄마한테 돈 보내줘", "송금하고 싶어요", "계좌 이체 해줘", "친구에게 만원 보내기"),
            "lost_card", List.of("i lost my card", "my credit card was stolen", "block my debit card",
                    "i can't find my card", "freeze my card now", "someone stole my wallet with my card",
                    "카드를 잃어버렸어요", "카드 분실 신고", "카드 정지해 주세요", "카드를 도난당했어요"));
    private static final List<String> OUT_OF_SCOPE = List.of("what's the weather tomorrow", "tell me a joke",
            "who won the football game", "play some music", "how tall is mount everest", "오늘 날씨 어때",
            "노래 틀어줘", "what time is it in tokyo", "recommend a good movie", "how do i bake bread");

    private static TrainedIntentModel model;

    @BeforeAll
    static void train() {
        model = new IntentClassifierTrainer(InstalledEmbeddings.embeddings()).train(trainingSet());
    }

    private static IntentTrainingSet trainingSet() {
        List<TrainingPhrase> phrases = new ArrayList<>();
        PHRASES.forEach((intent, texts) -> texts.forEach(text -> phrases.add(new TrainingPhrase(text, intent))));
        return new IntentTrainingSet(phrases, OUT_OF_SCOPE);
    }

    @Test
    void recognisesUnseenPhrasingsInEnglishAndKorean() {
        assertThat(model.parse("how much cash is left in my account").intent()).hasValueSatisfying(i -> assertThat(i.intent()).isEqualTo("balance"));
        assertThat(model.parse("please send 100 dollars to my sister").intent()).hasValueSatisfying(i -> assertThat(i.intent()).isEqualTo("transfer"));
        assertThat(model.parse("카드 잃어버렸는데 어떡해").intent()).hasValueSatisfying(i -> assertThat(i.intent()).isEqualTo("lost_card"));
        IntentParse parse = model.parse("what's my balance");
        assertThat(parse.ranking()).hasSize(3).extracting(IntentConfidence::confidence).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(parse.isOutOfScope()).isFalse();
    }

    @Test
    void flagsMessagesUnlikeAnyIntent() {
        assertThat(model.parse("what's the capital of australia").isOutOfScope()).isTrue();
        assertThat(model.parse("what's the capital of australia").intent()).isEmpty();
    }

    @Test
    void calibratesAThresholdFromHeldOutPhrasesAlone() {
        IntentTrainingSet withoutExamples = new IntentTrainingSet(trainingSet().phrases());
        TrainedIntentModel inScopeOnly = new IntentClassifierTrainer(InstalledEmbeddings.embeddings()).train(withoutExamples);
        assertThat(inScopeOnly.learnedOutOfScope()).isFalse();
        OutOfScopeCalibration calibration = inScopeOnly.calibration();
        assertThat(calibration.heldOutPhrases()).as("2 of each intent's 10 phrases").isEqualTo(6);
        assertThat(calibration.heldOutOutOfScopeExamples()).isZero();
        assertThat(calibration.threshold()).isPositive();
        assertThat(inScopeOnly.parse("what is my balance").intent()).hasValueSatisfying(i -> assertThat(i.intent()).isEqualTo("balance"));
    }

    @Test
    void roundTripsThroughBytesToTheSameAnswers() {
        byte[] bytes = model.toBytes();
        TrainedIntentModel read = TrainedIntentModel.fromBytes(bytes, InstalledEmbeddings.embeddings());
        assertThat(read.intents()).isEqualTo(model.intents());
        assertThat(read.calibration()).isEqualTo(model.calibration());
        assertThat(read.embeddingModel()).isEqualTo(model.embeddingModel()).isEqualTo(InstalledEmbeddings.MINILM_INT8.toString());
        for (String text : List.of("what is my balance", "카드 분실", "tell me a joke")) {
            assertThat(read.parse(text)).isEqualTo(model.parse(text));
        }
        assertThat(read.toBytes()).isEqualTo(bytes);
    }

    @Test
    void trainingIsDeterministic() {
        TrainedIntentModel again = new IntentClassifierTrainer(InstalledEmbeddings.embeddings()).train(trainingSet());
        assertThat(again.toBytes()).isEqualTo(model.toBytes());
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> model.parse(" ")).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> TrainedIntentModel.fromBytes(new byte[] {1, 2, 3}, InstalledEmbeddings.embeddings()))
                .isInstanceOf(Problem.class).hasMessageContaining("intent model");
        assertThatThrownBy(() -> new IntentTrainingSet(List.of(new TrainingPhrase("hi", "greet"))))
                .isInstanceOf(Problem.class).hasMessageContaining("two intents");
    }
}
