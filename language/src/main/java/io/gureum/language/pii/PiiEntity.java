package io.gureum.language.pii;

/**
 * A piece of personal information found in a document.
 *
 * @param offset     where it starts in the document's text, and {@code length} how long it is, both in UTF-16 code
 *                   units: {@code text.substring(offset, offset + length)} in Java, JavaScript or C#
 * @param confidence how sure the rule that found it is, 0-1: high when a checksum or a context word backs it up,
 *                   lower for a bare pattern (docs/language.md lists the values)
 */
public record PiiEntity(PiiCategory category, String text, int offset, int length, double confidence) {
    int end() { return offset + length; }
}
