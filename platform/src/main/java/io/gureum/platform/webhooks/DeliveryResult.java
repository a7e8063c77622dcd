package io.gureum.platform.webhooks;

/** The outcome of one webhook POST: delivered on a 2xx, else why not (status code, I/O error, refused URL). */
public record DeliveryResult(boolean delivered, String detail) {
    static DeliveryResult ok(int status) { return new DeliveryResult(true, "HTTP " + status); }
    static DeliveryResult failed(String detail) { return new DeliveryResult(false, detail); }
}
