package io.gureum.platform.webhooks;

import io.gureum.core.Problem;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which webhook URLs the server may call. A webhook makes the server send a request to an
 * address the caller chose, so without this check a caller could reach services only the server
 * can see (databases, cloud metadata at 169.254.169.254): the SSRF guard. Hosts named in
 * {@code allowedHosts} skip the address check, for receivers that live on a private network on purpose.
 */
public final class WebhookPolicy {
    private static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivateAddresses;
    private final Set<String> allowedHosts;

    public WebhookPolicy(boolean allowPrivateAddresses, Set<String> allowedHosts) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.allowedHosts = allowedHosts.stream().map(WebhookPolicy::normalizeHost).collect(Collectors.toUnmodifiableSet());
    }

    /** Throws Problem 422 {@code validation_failed} unless the server may POST to {@code url}. */
    public void validate(String url) {
        URI uri = parse(url);
        String host = normalizeHost(uri.getHost());
        if (allowPrivateAddresses || allowedHosts.contains(host)) return;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw Problem.invalid("webhookUrl host '" + host + "' does not resolve");
        }
        // Every address must be public: a name resolving to one public and one private address is refused.
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw Problem.invalid("webhookUrl host '" + host + "' resolves to a private, loopback or link-local address ("
                        + address.getHostAddress() + "); the server does not call those unless allow-listed");
            }
        }
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw Problem.invalid("webhookUrl must be an absolute http(s) URL of at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw Problem.invalid("webhookUrl is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Problem.invalid("webhookUrl must use http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw Problem.invalid("webhookUrl must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw Problem.invalid("webhookUrl must not carry credentials");
        }
        return uri;
    }

    /** IPv6 literals come out of URI with brackets; host names compare case-insensitively. */
    private static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress()
                || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second < 128)  // carrier-grade NAT, 100.64.0.0/10
                    || first >= 240;                            // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return true;             // unique local fc00::/7 (isSiteLocal only knows fec0::/10)
            if (isIpv4Translated(b)) {                          // ::ffff:10.0.0.1 and the like
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** IPv4-compatible (::a.b.c.d) or IPv4-mapped (::ffff:a.b.c.d); the JDK maps most but not all of these itself. */
    private static boolean isIpv4Translated(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }
}
