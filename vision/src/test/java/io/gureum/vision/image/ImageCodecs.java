package io.gureum.vision.image;

import io.gureum.core.Problem;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Byte-level helpers that build the test files: EXIF blocks, forged headers, cwebp output. */
final class ImageCodecs {
    private ImageCodecs() {}

    static Problem assertProblem(ThrowingCallable call, int status, String code) {
        Problem problem = catchThrowableOfType(Problem.class, call);
        assertThat(problem).as("expected a Problem with code " + code).isNotNull();
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.detail()).isNotBlank();
        return problem;
    }

    /** A big-endian TIFF structure whose IFD0 holds only Orientation (0x0112, SHORT). */
    static byte[] exifTiff(int orientation) {
        return ByteBuffer.allocate(26)
                .put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0)
                .array();
    }

    /** The JPEG with an APP1 "Exif" segment declaring the orientation, right after SOI. */
    static byte[] withJpegExif(byte[] jpeg, int orientation) {
        byte[] tiff = exifTiff(orientation);
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length)
                .put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length))
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        return splice(jpeg, 2, app1.array());
    }

    /** The PNG with an eXIf chunk declaring the orientation, right after IHDR. */
    static byte[] withPngExif(byte[] png, int orientation) {
        return splice(png, 33, pngChunk("eXIf", exifTiff(orientation)));
    }

    /** A PNG signature, an IHDR declaring the size (8-bit RGB), a few bytes of IDAT and IEND. */
    static byte[] pngHeaderOnly(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[16]);
        deflater.finish();
        byte[] idat = new byte[64];
        idat = Arrays.copyOf(idat, deflater.deflate(idat));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(pngChunk("IHDR", ihdr));
        out.writeBytes(pngChunk("IDAT", idat));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** The JPEG with its frame header (SOF0-SOF2) declaring another size. */
    static byte[] withJpegSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        int i = 2;
        while (i + 4 <= out.length) {
            int marker = out[i + 1] & 0xFF;
            int length = (out[i + 2] & 0xFF) << 8 | (out[i + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC2) {
                ByteBuffer.wrap(out, i + 5, 4).putShort((short) height).putShort((short) width);
                return out;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no frame header found");
    }

    /** The image as a TIFF (TwelveMonkeys writer) whose IFD declares the orientation. */
    static byte[] tiffWithOrientation(BufferedImage image, int orientation) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        String format = "com_sun_media_imageio_plugins_tiff_image_1.0";
        IIOMetadataNode value = new IIOMetadataNode("TIFFShort");
        value.setAttribute("value", Integer.toString(orientation));
        IIOMetadataNode shorts = new IIOMetadataNode("TIFFShorts");
        shorts.appendChild(value);
        IIOMetadataNode field = new IIOMetadataNode("TIFFField");
        field.setAttribute("number", "274");
        field.setAttribute("name", "Orientation");
        field.appendChild(shorts);
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        ifd.appendChild(field);
        IIOMetadataNode root = new IIOMetadataNode(format);
        root.appendChild(ifd);
        metadata.mergeTree(format, root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** An 8-bit palette image as a run-length-encoded (BI_RLE8) BMP. */
    static byte[] bmpRle8(BufferedImage indexed) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("bmp").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("BI_RLE8");
            writer.write(null, new IIOImage(indexed, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static void putIntLittleEndian(byte[] b, int at, int value) {
        for (int k = 0; k < 4; k++) b[at + k] = (byte) (value >> (8 * k));
    }

    /**
     * The WebP that Debian's {@code cwebp} (package {@code webp}) makes of the input with the given
     * options; the test is skipped when cwebp is not installed.
     */
    static byte[] cwebp(Path input, Path dir, String... options) throws IOException, InterruptedException {
        Optional<Path> cwebp = onPath("cwebp");
        assumeTrue(cwebp.isPresent(), "cwebp not found: install Debian's webp package (apt-get install -y webp) to test WebP");
        Path output = Files.createTempFile(dir, "image", ".webp");
        List<String> command = new ArrayList<>(List.of(cwebp.get().toString(), "-quiet"));
        command.addAll(List.of(options));
        command.addAll(List.of(input.toString(), "-o", output.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("cwebp failed: " + log).isZero();
        return Files.readAllBytes(output);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }
}
