package io.gureum.chatbot.dialog;

import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.ExampleBots;
import io.gureum.chatbot.bot.Intent;
import io.gureum.chatbot.bot.Webhook;
import io.gureum.chatbot.nlu.TrainedIntentModel;
import io.gureum.core.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The English example bot end to end, on its real trained model, on Thursday 2026-11-26 at noon in New York. */
class EnglishRestaurantDialogTest {
    private static final Instant NOON_THURSDAY = Instant.parse("2026-11-26T17:00:00Z");
    private static DialogEngine engine;
    /** The same bot and model, its booking fulfilled by a webhook. */
    private static DialogEngine withWebhook;

    @BeforeAll
    static void train() {
        Bot bot = ExampleBots.restaurantEnglish();
        TrainedIntentModel model = TrainedBots.train(bot);
        engine = new DialogEngine(bot, model::parse);
        List<Intent> intents = bot.intents().stream().map(i -> !i.name().equals("book_table") ? i : new Intent(i.name(), i.phrases(), i.slots(),
                i.confirmation(), i.responses(), i.inputContexts(), i.outputContexts(), true)).toList();
        withWebhook = new DialogEngine(new Bot(bot.name(), bot.locale(), bot.timeZone(), intents, bot.entityTypes(), bot.fallback(),
                bot.outOfScopeExamples(), new Webhook("https://restaurant.example/bookings", null, null)), model::parse);
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
    void aWebhookFulfilsTheBookingSetsSlotsAndReplacesTheReply() {
        DialogState confirming = conversation().say("book a table for 2 tomorrow at 7pm").state();
        confirming = engine.handle(confirming, "Lee", NOON_THURSDAY).state();
        confirming = engine.handle(confirming, "415-555-2671", NOON_THURSDAY).state();
        List<Fulfillment.Request> calls = new ArrayList<>();
        DialogTurn turn = withWebhook.handle(confirming, "yes", NOON_THURSDAY, request -> {
            calls.add(request);
            return Optional.of(new Fulfillment.Result(new Reply("Booked: reference " + "R-17", List.of()), Map.of("reference", "R-17")));
        });
        assertThat(calls).containsExactly(new Fulfillment.Request("book_table",
                Map.of("party_size", "2", "date", "2026-11-27", "time", "19:00", "name", "Lee", "phone", "415-555-2671"), "yes"));
        assertThat(turn.status()).isEqualTo(DialogStatus.FULFILLED);
        assertThat(turn.reply().text()).isEqualTo("Booked: reference R-17");
        assertThat(values(turn)).containsEntry("reference", "R-17").containsEntry("name", "Lee");

        // an answer without a reply keeps the intent's response; a failing webhook leaves the turn untaken
        turn = withWebhook.handle(confirming, "yes", NOON_THURSDAY, request -> Optional.of(new Fulfillment.Result(null, Map.of("name", "LEE"))));
        assertThat(turn.reply().text()).startsWith("Done! Your table for 2 on 2026-11-27 at 19:00 is booked under LEE.");
        DialogState before = confirming;
        assertThatThrownBy(() -> withWebhook.handle(before, "yes", NOON_THURSDAY, request -> {
            throw new Problem(504, "fulfillment_timeout", "Fulfillment timed out", "no answer", Map.of());
        })).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("fulfillment_timeout"));
        // the bot without a webhook never calls one
        assertThat(engine.handle(confirming, "yes", NOON_THURSDAY, request -> { throw new AssertionError("called"); }).status())
                .isEqualTo(DialogStatus.FULFILLED);
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
