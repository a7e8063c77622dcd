package io.gureum.chatbot.bot;

/**
 * The bot's fulfillment webhook: called when an intent marked {@code "webhook": true} is fulfilled (after its
 * confirmation), with the intent and its slots; its answer may set slots and replace the reply. Requests are signed
 * with the project's webhook secret (HMAC-SHA256), like every webhook Gureum sends.
 *
 * @param url           http or https; private and loopback addresses are refused unless the server allows them
 * @param timeoutMillis how long one attempt may take; {@value #DEFAULT_TIMEOUT_MILLIS} when absent, at most
 *                      {@value #MAX_TIMEOUT_MILLIS}
 * @param retries       attempts after the first, on a timeout, a connection error or a 5xx; {@value #DEFAULT_RETRIES}
 *                      when absent, at most {@value #MAX_RETRIES}
 */
public record Webhook(String url, Integer timeoutMillis, Integer retries) {
    public static final int DEFAULT_TIMEOUT_MILLIS = 3_000;
    public static final int MAX_TIMEOUT_MILLIS = 10_000;
    public static final int DEFAULT_RETRIES = 1;
    public static final int MAX_RETRIES = 3;

    public int timeoutOrDefault() { return timeoutMillis == null ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis; }

    public int retriesOrDefault() { return retries == null ? DEFAULT_RETRIES : retries; }
}
