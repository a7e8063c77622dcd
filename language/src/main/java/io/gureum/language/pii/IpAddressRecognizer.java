package io.gureum.language.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 addresses (four numbers 0-255, without leading zeros, not part of a longer dotted number such as a version
 * {@code 1.2.3.4.5}; confidence {@value #IPV4}) and IPv6 addresses in the full grammar of RFC 4291 section 2.2: eight
 * groups of 1-4 hex digits, one {@code ::} standing for one or more zero groups, and an IPv4 address in place of the
 * last two groups ({@code ::ffff:192.0.2.1}). An IPv6 address of eight groups, or with {@code ::} and at least three
 * groups, scores {@value #IPV6}; shorter compressed ones ({@code ::1}, {@code fe80::1}) {@value #SHORT_IPV6}, since
 * {@code ab::cd} may as well be something else. Times ({@code 10:30:00}) and MAC addresses are not IPv6: too few groups.
 */
final class IpAddressRecognizer implements PiiRecognizer {
    static final double IPV4 = 0.8;
    static final double IPV6 = 0.85;
    static final double SHORT_IPV6 = 0.6;
    private static final Pattern IPV4_CANDIDATE = Pattern.compile("(?<![0-9A-Za-z.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![0-9A-Za-z]|\\.\\d)");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile(
            "(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?![0-9A-Za-z:]|\\.\\d)");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    @Override
    public PiiCategory category() { return PiiCategory.IP_ADDRESS; }

    @Override
    public void find(String text, List<PiiEntity> found) {
        Matcher m = IPV4_CANDIDATE.matcher(text);
        while (m.find()) {
            if (isIpv4(m.group())) found.add(new PiiEntity(PiiCategory.IP_ADDRESS, m.group(), m.start(), m.group().length(), IPV4));
        }
        m = IPV6_CANDIDATE.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            // "fe80::1:" at the end of a clause: the colon is the sentence's
            if (candidate.endsWith(":") && !candidate.endsWith("::")) candidate = candidate.substring(0, candidate.length() - 1);
            if (groups(candidate) == 0 || !isIpv6(candidate)) continue;   // "::" alone is more likely punctuation
            boolean shortForm = candidate.contains("::") && groups(candidate) < 3;
            found.add(new PiiEntity(PiiCategory.IP_ADDRESS, candidate, m.start(), candidate.length(), shortForm ? SHORT_IPV6 : IPV6));
        }
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) return false;
            if (part.length() > 1 && part.charAt(0) == '0') return false;   // 010 may mean octal 8: not written by people
            if (Integer.parseInt(part) > 255) return false;
        }
        return true;
    }

    static boolean isIpv6(String s) {
        int compressed = s.indexOf("::");
        if (compressed >= 0 && s.indexOf("::", compressed + 1) >= 0) return false;   // at most one "::"
        String head = compressed < 0 ? s : s.substring(0, compressed);
        String tail = compressed < 0 ? "" : s.substring(compressed + 2);
        int groups = 0;
        String[] sides = compressed < 0 ? new String[] {head} : new String[] {head, tail};
        for (int side = 0; side < sides.length; side++) {
            if (sides[side].isEmpty()) continue;
            String[] parts = sides[side].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = side == sides.length - 1 && i == parts.length - 1;
                if (last && parts[i].contains(".")) {
                    if (!isIpv4(parts[i])) return false;
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;   // empty group (a lone ':' at an end, or ':::') or not hex
                }
            }
        }
        return compressed < 0 ? groups == 8 : groups <= 7;
    }

    /** How many groups are written out (an IPv4 tail counts as two). */
    private static int groups(String s) {
        int groups = 0;
        for (String part : s.split(":")) {
            if (!part.isEmpty()) groups += part.contains(".") ? 2 : 1;
        }
        return groups;
    }
}
