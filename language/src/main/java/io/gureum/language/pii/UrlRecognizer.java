package io.gureum.language.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web addresses that say they are one: starting with {@code http://}, {@code https://} or {@code ftp://}
 * (confidence {@value #WITH_SCHEME}) or with {@code www.} ({@value #WWW}), whose host is a domain with a top-level
 * domain, {@code localhost}, an IPv4 address or a bracketed IPv6 address. Bare domains ({@code example.com}) are not
 * taken: in running text they are as often file names ({@code report.pdf}). Punctuation that ends a sentence, and a
 * closing bracket with no opening one inside, are not part of the address; nor is Korean text (a particle joined to
 * it: {@code https://example.com에서}), which also means that hosts in Hangul are not found.
 */
final class UrlRecognizer implements PiiRecognizer {
    static final double WITH_SCHEME = 0.9;
    static final double WWW = 0.8;
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'`{}|\\\\^\\p{IsHangul}\\u3000-\\u303F\\uFF00-\\uFFEF]+");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("\\p{L}{2,63}");

    @Override
    public PiiCategory category() { return PiiCategory.URL; }

    @Override
    public void find(String text, List<PiiEntity> found) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = trimTrailing(m.group());
            boolean www = url.regionMatches(true, 0, "www.", 0, 4);
            if (!validHost(www ? url : url.substring(url.indexOf("://") + 3))) continue;
            found.add(new PiiEntity(PiiCategory.URL, url, m.start(), url.length(), www ? WWW : WITH_SCHEME));
        }
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (".,;:!?".indexOf(c) >= 0) end--;
            else if (c == ')' && count(url, '(', end) < count(url, ')', end)) end--;
            else if (c == ']' && count(url, '[', end) < count(url, ']', end)) end--;
            else break;
        }
        return url.substring(0, end);
    }

    private static int count(String s, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /** The authority (after the scheme) up to the path: optional user info, host, optional port. */
    private static boolean validHost(String rest) {
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close > 0 && IpAddressRecognizer.isIpv6(authority.substring(1, close))
                    && (close == authority.length() - 1 || authority.substring(close + 1).matches(":\\d{1,5}"));
        }
        String host = authority.replaceFirst(":\\d{1,5}$", "");
        return host.equals("localhost") || IpAddressRecognizer.isIpv4(host) || isDomain(host);
    }

    /** Labels separated by dots, the last (the top-level domain) of letters; one trailing dot allowed. */
    private static boolean isDomain(String host) {
        String[] labels = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) return false;
        for (String label : labels) if (!LABEL.matcher(label).matches()) return false;
        return true;
    }
}
