package io.gureum.platform.webhooks;

import io.gureum.core.Problem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one signed webhook POST. Retrying and remembering what was delivered is the caller's job
 * (durable state lives with the operation); this class only knows HTTP and the signature.
 */
public final class WebhookSender {
    public static final String OPERATION_ID_HEADER = "X-Gureum-Operation-Id";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final WebhookPolicy policy;
    private final HttpClient client;

    /**
     * @param client must not follow redirects: a redirect would take the request to an address the
     *               policy never checked (use {@link #newHttpClient()} when in doubt)
     */
    public WebhookSender(WebhookPolicy policy, HttpClient client) {
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("webhook HttpClient must use Redirect.NEVER, or redirects bypass the SSRF check");
        }
        this.policy = policy;
        this.client = client;
    }

    /** A client fit for webhooks: no redirects, a short connect timeout. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The longest one {@link #send} may take, for callers that hold a delivery lease. */
    public Duration requestTimeout() {
        return REQUEST_TIMEOUT;
    }

    /**
     * POSTs {@code body} (JSON) to {@code url}, signed with {@code secret}. Never throws for a failed
     * delivery; the URL is checked again here because DNS may have changed since submit.
     */
    public DeliveryResult send(String url, String secret, String operationId, byte[] body) {
        try {
            policy.validate(url);
        } catch (Problem refused) {
            return DeliveryResult.failed("refused: " + refused.detail());
        }
        try {
            HttpResponse<Void> response = client.send(request(url, secret, Map.of(OPERATION_ID_HEADER, operationId), body, REQUEST_TIMEOUT),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? DeliveryResult.ok(status) : DeliveryResult.failed("HTTP " + status);
        } catch (IOException e) {
            return DeliveryResult.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed("interrupted");
        }
    }

    /** A webhook's answer: its status and body (cut at {@link #MAX_ANSWER_BYTES}). */
    public record Answer(int status, byte[] body) {}

    /**
     * POSTs {@code body} (JSON), signed with {@code secret}, to a webhook that answers (a chatbot's fulfillment) and
     * returns the answer, whatever its status.
     *
     * @throws Problem                   when the policy refuses the URL (checked here, as DNS may have changed)
     * @throws java.net.http.HttpTimeoutException when no answer came within {@code timeout}
     * @throws IOException               on any other connection failure
     */
    public Answer call(String url, String secret, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        policy.validate(url);
        HttpResponse<java.io.InputStream> response = client.send(request(url, secret, headers, body, timeout),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = response.body()) {
            return new Answer(response.statusCode(), in.readNBytes(MAX_ANSWER_BYTES));
        }
    }

    /** The most of a webhook's answer that is read: enough for any reply, not a memory sink. */
    public static final int MAX_ANSWER_BYTES = 256 * 1024;

    private static HttpRequest request(String url, String secret, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(Signatures.HEADER, Signatures.headerValue(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }
}
