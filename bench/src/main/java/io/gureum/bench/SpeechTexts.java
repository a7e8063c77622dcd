package io.gureum.bench;

/**
 * What {@code gureum bench speech} has spoken: a short sentence (the size of a voice prompt, where the time to the
 * first audio is all a listener notices) and a long text of about 2,000 characters (a page read aloud, where the
 * speed of synthesis counts too). Written for this bench, plain English with numbers, abbreviations and
 * punctuation, so that every engine's text normalisation has some work.
 */
final class SpeechTexts {
    static final String SHORT = "Your order has shipped and will arrive on Tuesday.";

    static final String LONG = "The weather service expects a dry and mostly sunny morning across the valley, with light winds "
            + "from the north. By early afternoon, clouds will build over the hills to the east, and there is a small "
            + "chance of a shower after four o'clock. Temperatures will reach about 21 degrees in the city and a few "
            + "degrees less near the coast. Tonight will be clear and cool, falling to around 9 degrees before dawn.\n\n"
            + "In local news, the library on Main Street reopens on Monday after six months of repairs to its roof and "
            + "heating. The reading room now has more daylight, forty new desks and a quiet corner for children. The "
            + "old card catalogue, which many visitors asked about, has been kept by the door as a piece of the "
            + "building's history. Opening hours are nine to six on weekdays and ten to four on Saturdays.\n\n"
            + "The city council met on Thursday evening to discuss the new bus routes. Route 12 will run every ten "
            + "minutes during the morning and evening rush, and Route 7 will be extended to the hospital and the "
            + "university campus. Some residents asked for more shelters at the stops along the river, where the wind "
            + "can be sharp in winter. The council agreed to look at the request and to report back next month.\n\n"
            + "At the market, apples and pears from the first harvest are on sale at most stalls, and the price of "
            + "fresh fish has come down a little since last week. The fishing boats were kept in port for three days "
            + "by the storm, but they are out again.\n\n"
            + "Finally, a reminder for gardeners: the last frost of the season is usually behind us by the middle of "
            + "April, but a cold night is still possible. Keep young plants covered if the forecast drops below five "
            + "degrees, water them in the morning rather than at night, and do not be in a hurry to move tomatoes and "
            + "peppers outside. They grow best when the soil is warm, and a week of patience now is often worth a "
            + "month of fruit later in the summer. That is all for today. Thank you for listening, and have a pleasant "
            + "evening. The next bulletin follows at seven o'clock tomorrow morning.";

    private SpeechTexts() {}
}
