package io.gureum.chatbot.dialog;

import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.ExampleBots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Korean example bot end to end, on its real trained model, on Thursday 2026-11-26 at noon in Seoul. */
class KoreanRestaurantDialogTest {
    private static final Instant NOON_THURSDAY = Instant.parse("2026-11-26T03:00:00Z");
    private static DialogEngine engine;

    @BeforeAll
    static void train() {
        Bot bot = ExampleBots.restaurantKorean();
        engine = new DialogEngine(bot, TrainedBots.train(bot)::parse);
    }

    private static Conversation conversation() {
        return new Conversation(engine, NOON_THURSDAY);
    }

    private static Map<String, String> values(DialogTurn turn) {
        return Conversation.values(turn);
    }

    /** Up to the confirmation of 4 people tomorrow at 19:00 for 김민수. */
    private static Conversation confirming() {
        var c = conversation();
        DialogTurn turn = c.say("내일 4명 예약하고 싶어요");
        assertThat(turn.intent()).isEqualTo("book_table");
        assertThat(values(turn)).isEqualTo(Map.of("party_size", "4", "date", "2026-11-27"));
        assertThat(turn.reply().text()).isEqualTo("몇 시로 할까요?");
        assertThat(c.reply("저녁 7시")).isEqualTo("예약자 성함이 어떻게 되세요?");
        assertThat(c.reply("김민수입니다")).isEqualTo("연락 가능한 전화번호를 알려 주세요.");
        turn = c.say("010-1234-5678");
        assertThat(turn.status()).isEqualTo(DialogStatus.CONFIRMING);
        assertThat(turn.reply()).isEqualTo(new Reply("2026-11-27 19:00에 4명, 예약자 김민수님(010-1234-5678)으로 예약할까요?", List.of("네", "아니요")));
        return c;
    }

    @Test
    void bookingWithACorrectionDuringConfirmationThenYes() {
        var c = confirming();
        DialogTurn turn = c.say("아니 5명으로");
        assertThat(turn.status()).isEqualTo(DialogStatus.CONFIRMING);
        assertThat(turn.reply().text()).isEqualTo("2026-11-27 19:00에 5명, 예약자 김민수님(010-1234-5678)으로 예약할까요?");
        turn = c.say("네");
        assertThat(turn.status()).isEqualTo(DialogStatus.FULFILLED);
        assertThat(turn.reply().text()).isEqualTo(
                "예약되었습니다! 2026-11-27 19:00에 5명, 김민수님 이름으로 예약했어요. 변경이 있으면 010-1234-5678으로 연락드릴게요.");
        assertThat(values(turn)).isEqualTo(Map.of("party_size", "5", "date", "2026-11-27", "time", "19:00", "name", "김민수",
                "phone", "010-1234-5678"));
    }

    @Test
    void noToTheConfirmationDeclines() {
        var c = confirming();
        DialogTurn turn = c.say("아니요");
        assertThat(turn.status()).isEqualTo(DialogStatus.DECLINED);
        assertThat(turn.reply().text()).isEqualTo("알겠습니다. 예약하지 않았어요.");
        assertThat(turn.state().intent()).isNull();
    }

    @Test
    void outOfScopeFallsBackAndTheBookingContinues() {
        var c = conversation();
        c.say("내일 4명 예약하고 싶어요");
        DialogTurn turn = c.say("내일 날씨 어때요");     // "내일" restates the date: no answer, so classified
        assertThat(turn.status()).isEqualTo(DialogStatus.FALLBACK);
        assertThat(turn.reply().text()).isEqualTo("죄송해요, 예약과 예약 취소, 영업시간 안내만 도와드릴 수 있어요. 몇 시로 할까요?");
        assertThat(values(turn)).isEqualTo(Map.of("party_size", "4", "date", "2026-11-27"));
        turn = c.say("오후 6시 반이요");
        assertThat(values(turn)).containsEntry("time", "18:30");
        assertThat(turn.reply().text()).isEqualTo("예약자 성함이 어떻게 되세요?");
    }

    @Test
    void followUpIntentOnlyInContext() {
        var c = conversation();
        assertThat(c.say("주말은요?").status()).isEqualTo(DialogStatus.FALLBACK);
        assertThat(c.say("영업시간이 어떻게 되나요").intent()).isEqualTo("opening_hours");
        DialogTurn turn = c.say("주말은요?");
        assertThat(turn.intent()).isEqualTo("opening_hours_weekend");
        assertThat(turn.status()).isEqualTo(DialogStatus.FULFILLED);
        assertThat(turn.reply().text()).isEqualTo("주말에는 낮 12시부터 밤 11시까지 영업해요.");
    }

    @Test
    void cancellationAsksForTheReference() {
        var c = conversation();
        assertThat(c.reply("예약 취소해 주세요")).isEqualTo("예약 번호를 알려 주세요. R-123456 같은 형식이에요.");
        DialogTurn turn = c.say("R-123456");
        assertThat(turn.status()).isEqualTo(DialogStatus.FULFILLED);
        assertThat(turn.reply().text()).isEqualTo("예약 R-123456을 취소했어요. 다음에 또 찾아 주세요.");
    }
}
