package io.gureum.language.translation.apertium;

/**
 * Apertium's plain-text deformatter and reformatter ({@code apertium-destxt}, {@code apertium-retxt}) in Java, so
 * that a text goes to a long-lived pipeline with no process of its own: the programs are flex scanners that read to
 * the end of their input and drop the NUL that ends each text, so they cannot stay running between texts.
 *
 * <p>Both follow the scanners that apertium generates from its {@code txt-format.xml} with {@code deformat.xsl} and
 * {@code reformat.xsl}, rule by rule, so that a translation is byte for byte what {@code apertium <pair>} prints
 * (the tests compare the two, and these methods with the programs). One difference, on purpose: a run of more than
 * 8,192 blanks stays in the stream, where {@code apertium-destxt} writes it to a temporary file that
 * {@code apertium-retxt} reads back; the printed text is the same.
 */
final class TxtFormat {
    /** {@code [][\\/@<>^${}]}: characters that the stream format gives a meaning, escaped with a backslash. */
    private static final String ESCAPED = "[]\\/@<>^${}";

    private TxtFormat() {}

    /**
     * The stream that {@code apertium-destxt} writes for {@code text}: special characters escaped, blanks other
     * than a single space kept aside in superblanks ({@code [\n]}), {@code .[]} before a paragraph break (two line
     * breaks) and at the end, so that each ends a sentence. NUL characters are dropped, as the program drops them.
     */
    static String deformat(String text) {
        Deformatter d = new Deformatter(text.length());
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            int paragraph = paragraphBreak(text, i);
            if (paragraph > 0) {   // the format rule (eos="yes"): longer than the one-character space rule
                d.isDot = true;
                d.buffer.append(text, i, i + paragraph);
                i += paragraph;
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                d.buffer.append(c);
                i++;
            } else if (ESCAPED.indexOf(c) >= 0) {
                d.printBuffer();
                d.out.append('\\').append(c);
                i++;
            } else {
                d.printBuffer();
                if (c != '\0') d.out.append(c);   // the scanner adds the NUL's empty C string: nothing
                i++;
            }
        }
        d.isDot = true;   // <<EOF>>
        d.printBuffer();
        return d.out.toString();
    }

    /**
     * The text that {@code apertium-retxt} prints for a translated stream: superblank brackets dropped (their blanks
     * kept), the {@code .[]} that the deformatter added dropped, escapes undone.
     */
    static String reformat(String stream) {
        StringBuilder out = new StringBuilder(stream.length());
        int n = stream.length();
        for (int i = 0; i < n; ) {
            char c = stream.charAt(i);
            if (c == '[' && stream.startsWith("[\\@", i)) {
                out.append('@');   // a superblank whose text starts with '@' (so that it is not read as a file name)
                i += 3;
            } else if (c == '[' || c == ']') {
                // "[@file]" would name a file of large blanks that apertium-destxt wrote; deformat never writes
                // one, and reading a file named in a stream is not something a server should do: dropped like '['.
                i++;
            } else if (c == '.' && stream.startsWith(".[]", i)) {
                i += 3;
            } else if (c == '\\' && i + 1 < n && ESCAPED.indexOf(stream.charAt(i + 1)) >= 0) {
                out.append(stream.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The length of {@code (("\n\n")|("\r\n\r\n"))+} at {@code i}, or 0. */
    private static int paragraphBreak(String text, int i) {
        int j = i;
        while (true) {
            if (text.startsWith("\n\n", j)) j += 2;
            else if (text.startsWith("\r\n\r\n", j)) j += 4;
            else return j - i;
        }
    }

    /** The generated scanner's state: blanks waiting to be written, and whether a sentence end is due first. */
    private static final class Deformatter {
        final StringBuilder out;
        final StringBuilder buffer = new StringBuilder();
        boolean isDot;

        Deformatter(int capacity) {
            this.out = new StringBuilder(capacity + capacity / 8 + 8);
        }

        /** deformat.xsl's printBuffer() without the options that {@code apertium <pair>} does not pass. */
        void printBuffer() {
            if (isDot) {
                out.append(".[]");
                isDot = false;
            }
            // The buffer only ever holds blanks, which need no escaping and never start with '@'.
            if (buffer.length() > 1 || (buffer.length() == 1 && buffer.charAt(0) != ' ')) {
                out.append('[').append(buffer).append(']');
            } else {
                out.append(buffer);
            }
            buffer.setLength(0);
        }
    }
}
