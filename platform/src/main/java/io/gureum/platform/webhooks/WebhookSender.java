package io.gureum.platform.webhooks;

import io.gureum.core.Problem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(Signatures.HEADER, Signatures.headerValue(secret, body))
                .header(OPERATION_ID_HEADER, operationId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? DeliveryResult.ok(status) : DeliveryResult.failed("HTTP " + status);
        } catch (IOException e) {
            return DeliveryResult.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed("interrupted");
        }
    }
}
