package io.gureum.vision.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real photos for the tests: the public-domain images Debian's {@code python3-skimage} package ships
 * in {@code /usr/lib/python3/dist-packages/skimage/data/}. Tests that need them skip, saying how to
 * install them, when they are absent. {@code -Dgureum.skimage.data=DIR} points elsewhere.
 */
public final class TestImages {
    /** name, width, height: the sizes are those of the files in python3-skimage (0.19, Debian 12). */
    public record Photo(String name, int width, int height) {
        public byte[] bytes() {
            try {
                return Files.readAllBytes(path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Path path() {
            return TestImages.dataDir().resolve(name);
        }

        @Override
        public String toString() { return name; }
    }

    static final List<Photo> PHOTOS = List.of(
            new Photo("astronaut.png", 512, 512),
            new Photo("camera.png", 512, 512),
            new Photo("chelsea.png", 451, 300),
            new Photo("coffee.png", 600, 400),
            new Photo("motorcycle_left.png", 741, 500));

    private static final List<String> CANDIDATES = List.of(
            "/usr/lib/python3/dist-packages/skimage/data",
            "/usr/local/lib/python3/dist-packages/skimage/data");

    private TestImages() {}

    /** The skimage data folder, or a skipped test with the command that installs it. */
    static Path dataDir() {
        Optional<Path> dir = locate();
        assumeTrue(dir.isPresent(), "Test photos not found: install Debian's python3-skimage "
                + "(apt-get install -y python3-skimage) or pass -Dgureum.skimage.data=DIR; looked in " + searched());
        return dir.get();
    }

    public static Photo photo(String name) {
        return PHOTOS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Optional<Path> locate() {
        String configured = System.getProperty("gureum.skimage.data");
        List<String> places = configured != null ? List.of(configured) : CANDIDATES;
        return places.stream().map(Path::of).filter(d -> Files.isRegularFile(d.resolve("astronaut.png"))).findFirst();
    }

    private static String searched() {
        String configured = System.getProperty("gureum.skimage.data");
        return configured != null ? configured : String.join(", ", CANDIDATES);
    }

    /** The image encoded by the ImageIO writer for {@code format} (JPEG at quality 0.95). */
    public static byte[] encode(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.95f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
