package io.gureum.platform.blobs;

import java.util.regex.Pattern;

/**
 * The shape every blob key must have, whatever the store: slash-separated segments of
 * letters, digits, '.', '_' and '-'. Checking this up front keeps a key from escaping the
 * store's root ({@code ..}, absolute paths, backslashes) and keeps keys portable to S3.
 */
public final class BlobKeys {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final int MAX_LENGTH = 1000;

    private BlobKeys() {}

    /** Returns {@code key} when it is well formed, else throws {@link IllegalArgumentException}. */
    public static String check(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("blob key must be 1-" + MAX_LENGTH + " characters");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("bad blob key '" + key
                        + "': segments are letters, digits, '.', '_', '-', and never '.' or '..'");
            }
        }
        return key;
    }
}
