package io.gureum.runtime.models;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the tar format to read what {@code npm pack} writes: ustar headers with the
 * name prefix, pax ({@code x}) and GNU ({@code L}) long names. Saves a compression library.
 */
final class TarReader {
    private static final int BLOCK = 512;

    /** Called for each regular file; {@code content} holds exactly that file's bytes. */
    @FunctionalInterface
    interface FileVisitor {
        void file(String name, long size, InputStream content) throws IOException;
    }

    private TarReader() {}

    static void forEachFile(InputStream tar, FileVisitor visitor) throws IOException {
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (true) {
            if (!readBlock(tar, header) || isZeros(header)) return; // end of archive
            long size = number(header, 124, 12);
            char type = (char) header[156];
            String name = longName != null ? longName : ustarName(header);
            longName = null;
            switch (type) {
                case 'x' -> longName = paxPath(readBytes(tar, size));
                case 'L' -> longName = cString(readBytes(tar, size), 0, (int) size);
                case '0', '\0', '7' -> {
                    BoundedStream content = new BoundedStream(tar, size);
                    visitor.file(name, size, content);
                    content.skipRest();
                }
                default -> skipFully(tar, size); // folders, links, global headers: nothing we copy
            }
            skipFully(tar, padding(size));
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = cString(h, 257, 6).startsWith("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a pax header ("LEN path=VALUE\n" records), or null. */
    private static String paxPath(byte[] data) {
        int pos = 0;
        while (pos < data.length) {
            int space = indexOf(data, (byte) ' ', pos);
            if (space < 0) break;
            int length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII).trim());
            if (length <= 0) break;
            String record = new String(data, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) return record.substring(5);
            pos += length;
        }
        return null;
    }

    /** Octal, or base-256 when the high bit is set (GNU, for sizes over 8 GiB). */
    private static long number(byte[] h, int offset, int length) {
        if ((h[offset] & 0x80) != 0) {
            long value = h[offset] & 0x7f;
            for (int i = 1; i < length; i++) value = (value << 8) | (h[offset + i] & 0xff);
            return value;
        }
        String text = cString(h, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) end++;
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) if (data[i] == b) return i;
        return -1;
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZeros(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) return false;
        if (n < BLOCK) throw new EOFException("tar archive is truncated");
        return true;
    }

    private static byte[] readBytes(InputStream in, long size) throws IOException {
        if (size > Integer.MAX_VALUE) throw new IOException("tar header record too large: " + size);
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) throw new EOFException("tar archive is truncated");
        return data;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    /** One entry's bytes; closing it does not close the archive. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b < 0) throw new EOFException("tar archive is truncated");
            left--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) throw new EOFException("tar archive is truncated");
            left -= n;
            return n;
        }

        void skipRest() throws IOException {
            skipFully(in, left);
            left = 0;
        }

        @Override
        public void close() {
            // the archive stays open for the next entry
        }
    }
}
