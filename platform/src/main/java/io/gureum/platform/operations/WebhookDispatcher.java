package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.platform.webhooks.DeliveryResult;
import io.gureum.platform.webhooks.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One node's webhook delivery loop: claims due deliveries from the outbox, sends them, and records
 * delivered, retry-later (backoff) or failed after {@link #MAX_ATTEMPTS}. Woken early when this node
 * ends an operation, so webhooks do not wait for the next poll.
 */
final class WebhookDispatcher implements Runnable {
    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 16;
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final Clock clock;
    private final Duration backoff;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closing;

    WebhookDispatcher(WebhookOutbox outbox, WebhookSender sender, Clock clock, Duration backoff, Duration pollInterval) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
    }

    /** Look for due deliveries now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    void close() {
        closing = true;
        wake.release();
    }

    @Override
    public void run() {
        while (!closing) {
            int sent = 0;
            try {
                sent = deliverDue();
            } catch (RuntimeException e) {
                log.warn("webhook delivery round failed: {}", e.toString());
            }
            if (sent == 0) {
                try {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One round: claims and sends what is due; returns how many were attempted. */
    int deliverDue() {
        Instant now = SqlTimes.now(clock);
        List<WebhookOutbox.Due> due = outbox.due(now, BATCH);
        int attempted = 0;
        for (WebhookOutbox.Due d : due) {
            if (closing) break;
            // A send may take the full request timeout; claim well past it so no other node sends in parallel.
            Instant until = now.plus(sender.requestTimeout().multipliedBy(3));
            if (!outbox.claim(d, now, until)) continue;
            attempted++;
            deliver(d.operationId(), d.attempts() + 1);
            now = SqlTimes.now(clock);
        }
        return attempted;
    }

    private void deliver(String operationId, int attempt) {
        var delivery = outbox.load(operationId);
        if (delivery.isEmpty()) {
            // The operation or its project is gone: nothing left to announce, and nobody to sign for.
            outbox.failed(operationId, attempt);
            return;
        }
        var d = delivery.get();
        DeliveryResult result = sender.send(d.url(), d.secret(), operationId, WebhookPayload.of(d.operation()));
        if (result.delivered()) {
            outbox.delivered(operationId, attempt);
        } else if (closing) {
            // Interrupted by shutdown, most likely: leave the claim to time out and another node to retry.
            return;
        } else if (attempt >= MAX_ATTEMPTS) {
            log.warn("webhook for operation {} failed after {} attempts: {}", operationId, attempt, result.detail());
            outbox.failed(operationId, attempt);
        } else {
            log.info("webhook for operation {} attempt {} failed ({}); retrying", operationId, attempt, result.detail());
            outbox.retryAt(operationId, attempt, SqlTimes.now(clock).plus(Backoff.after(backoff, attempt)));
        }
    }
}
