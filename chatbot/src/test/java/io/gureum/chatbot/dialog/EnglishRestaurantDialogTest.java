package io.gureum.chatbot.dialog;

import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.ExampleBots;
import io.gureum.core.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The English example bot end to end, on its real trained model, on Thursday 2026-11-26 at noon in New York. */
class EnglishRestaurantDialogTest {
    private static final Instant NOON_THURSDAY = Instant.parse("2026-11-26T17:00:00Z");
    private static DialogEngine engine;

    @BeforeAll
    static void train() {
        Bot bot = ExampleBots.restaurantEnglish();
        engine = new DialogEngine(bot, TrainedBots.train(bot)::parse);
    }

    private static Conversation conversation() {
        return new Conversation(engine, NOON_THURSDAY);
    }

    private static Map<String, String> values(DialogTurn turn) {
        return Conversation.values(turn);
    }

    @Test
    void bookingAsksForEachMissingSlotThenConfirmsAndFulfils() {
        var c = conversation();
        DialogTurn turn = c.say("I'd like to book a table for 4 tomorrow");
        assertThat(turn.intent()).isEqualTo("book_table");
        assertThat(turn.confidence()).isGreaterThan(0.8);
        assertThat(turn.status()).isEqualTo(DialogStatus.COLLECTING);
        assertThat(values(turn)).isEqualTo(Map.of("party_size", "4", "date", "2026-11-27"));
        assertThat(turn.reply().text()).isEqualTo("At what time?");
        assertThat(c.reply("7pm")).isEqualTo("What name should the booking be under?");
        assertThat(c.reply("my name is Kim Minsu")).isEqualTo("What phone number can we reach you on?");
        turn = c.say("415-555-2671");
        assertThat(turn.status()).isEqualTo(DialogStatus.CONFIRMING);
        assertThat(turn.reply()).isEqualTo(new Reply("A table for 4 on 2026-11-27 at 19:00 under Kim Minsu, phone 415-555-2671. Shall I book it?",
                List.of("Yes", "No")));
        turn = c.say("yes");
        assertThat(turn.status()).isEqualTo(DialogStatus.FULFILLED);
        assertThat(turn.reply().text()).isEqualTo(
                "Done! Your table for 4 on 2026-11-27 at 19:00 is booked under Kim Minsu. We will call 415-555-2671 if anything changes.");
        assertThat(turn.reply().quickReplies()).containsExactly("Opening hours", "Thanks");
        assertThat(values(turn)).containsEntry("name", "Kim Minsu").containsEntry("time", "19:00").hasSize(5);
        assertThat(turn.state().intent()).isNull();
        assertThat(turn.state().slots()).isEmpty();
        assertThat(turn.state().contexts()).containsExactly(new ActiveContext("booked", 2));
    }

    @Test
    void correctionWhileCollectingReplacesTheSlot() {
        var c = conversation();
        assertThat(c.reply("book a table for 2 on Friday at 8pm")).isEqualTo("What name should the booking be under?");
        DialogTurn turn = c.say("actually make it 5 people");
        assertThat(turn.status()).isEqualTo(DialogStatus.COLLECTING);
        assertThat(values(turn)).isEqualTo(Map.of("party_size", "5", "date", "2026-11-27", "time", "20:00"));
        assertThat(turn.reply().text()).isEqualTo("What name should the booking be under?");
    }

    @Test
    void correctionWhileConfirmingAsksAgainAndNoDeclines() {
        var c = conversation();
        c.say("table for 2 tomorrow at 6:30pm");
        c.say("Lee");
        assertThat(c.say("415-555-2671").status()).isEqualTo(DialogStatus.CONFIRMING);
        DialogTurn turn = c.say("no, make it 3 people");
        assertThat(turn.status()).isEqualTo(DialogStatus.CONFIRMING);
        assertThat(turn.reply().text()).isEqualTo("A table for 3 on 2026-11-27 at 18:30 under Lee, phone 415-555-2671. Shall I book it?");
        turn = c.say("nope");
        assertThat(turn.status()).isEqualTo(DialogStatus.DECLINED);
        assertThat(turn.reply().text()).isEqualTo("OK, I have not booked anything.");
        assertThat(turn.state().intent()).isNull();
        assertThat(turn.state().contexts()).isEmpty();
    }

    @Test
    void outOfScopeFallsBackKeepsTheSlotsAndAsksAgain() {
        var c = conversation();
        DialogTurn idle = c.say("can you recommend a good movie");
        assertThat(idle.status()).isEqualTo(DialogStatus.FALLBACK);
        assertThat(idle.intent()).isNull();
        assertThat(idle.reply().text()).isEqualTo("Sorry, I can only help with table bookings, cancellations and opening hours.");
        c.say("book a table for 4 tomorrow");
        DialogTurn turn = c.say("who is the president of France?");
        assertThat(turn.status()).isEqualTo(DialogStatus.FALLBACK);
        assertThat(turn.intent()).isEqualTo("book_table");
        assertThat(values(turn)).isEqualTo(Map.of("party_size", "4", "date", "2026-11-27"));
        assertThat(turn.reply().text()).isEqualTo("Sorry, I can only help with table bookings, cancellations and opening hours. At what time?");
        turn = c.say("at 7pm");
        assertThat(turn.status()).isEqualTo(DialogStatus.COLLECTING);
        assertThat(values(turn)).containsEntry("time", "19:00").hasSize(3);
    }

    @Test
    void aValueOutsideTheSlotsValidationIsRefusedAndAskedAgain() {
        var c = conversation();
        DialogTurn turn = c.say("book a table for 30 people tomorrow");
        assertThat(turn.reply().text()).isEqualTo("Sorry, we can seat 1 to 20 people, not 30. How many people will be joining?");
        assertThat(values(turn)).isEqualTo(Map.of("date", "2026-11-27"));
        assertThat(c.reply("6")).isEqualTo("At what time?");
    }

    @Test
    void followUpIntentOnlyMatchesWhileItsContextIsActive() {
        var c = conversation();
        assertThat(c.say("and on weekends?").status()).isEqualTo(DialogStatus.FALLBACK);
        assertThat(c.say("when are you open").intent()).isEqualTo("opening_hours");
        DialogTurn turn = c.say("and on weekends?");
        assertThat(turn.intent()).isEqualTo("opening_hours_weekend");
        assertThat(turn.reply().text()).isEqualTo("On weekends we are open from 12:00 to 23:00.");
        c.say("what are your hours");          // lifespan 2: active for the next two messages only
        c.say("hi");
        c.say("thanks");
        assertThat(c.say("what about Sunday").status()).isEqualTo(DialogStatus.FALLBACK);
    }

    @Test
    void aStoredStateTheBotNoLongerFitsStartsAfresh() {
        var c = conversation();
        c.resume(new DialogState("order_pizza", Map.of("size", new SlotValue("large", "large")), "topping", false, 0, List.of(), 3));
        DialogTurn turn = c.say("hello");
        assertThat(turn.intent()).isEqualTo("greeting");
        assertThat(turn.state().turn()).isEqualTo(4);
        assertThatThrownBy(() -> c.say("  ")).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(422));
    }

    @Test
    void aConfidentOtherIntentTakesOverAndTheStateSurvivesJson() {
        var c = conversation();
        c.say("I want to make a reservation");
        DialogState stored = DialogState.fromJson(c.state().toJson());
        assertThat(stored).isEqualTo(c.state());
        c.resume(stored);
        DialogTurn turn = c.say("actually I need to cancel my booking R-204311");
        assertThat(turn.intent()).isEqualTo("cancel_booking");
        assertThat(turn.status()).isEqualTo(DialogStatus.FULFILLED);
        assertThat(turn.reply().text()).isEqualTo("Booking R-204311 is cancelled. We hope to see you another time.");
    }
}
