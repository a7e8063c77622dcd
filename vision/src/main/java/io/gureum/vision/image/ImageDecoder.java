package io.gureum.vision.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Turns request bytes into a {@link DecodedImage}, or a {@link io.gureum.core.Problem} with a stable code:
 * <ul>
 *   <li>400 {@code empty_body}: no bytes;</li>
 *   <li>415 {@code unsupported_image_format}: not JPEG, PNG, WebP, BMP or TIFF;</li>
 *   <li>413 {@code image_too_large}: over {@link ImageLimits}, decided from the header before any pixel
 *       buffer is allocated;</li>
 *   <li>422 {@code image_too_small}: under the minimum side;</li>
 *   <li>422 {@code invalid_image}: truncated or corrupt data.</li>
 * </ul>
 * Decoding uses ImageIO with the TwelveMonkeys plugins (WebP, TIFF, and a JPEG reader that handles
 * CMYK/YCCK), which ImageIO finds through {@code META-INF/services}: a shaded jar must merge those files.
 * Only the first frame of a multi-page TIFF or animated WebP is read. Thread-safe: nothing is shared.
 */
public final class ImageDecoder {
    private ImageDecoder() {}

    /** Decodes with {@link ImageLimits#DEFAULTS}. */
    public static DecodedImage decode(byte[] bytes) {
        return decode(bytes, ImageLimits.DEFAULTS);
    }

    public static DecodedImage decode(byte[] bytes, ImageLimits limits) {
        if (bytes == null || bytes.length == 0) throw ImageProblems.emptyBody();
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(
                () -> ImageProblems.unsupportedFormat(ImageFormat.recogniseUnsupported(bytes).orElse(null)));
        BufferedImage pixels = readFirstImage(bytes, format, limits);
        int orientation = ExifOrientation.read(format, bytes);
        return new DecodedImage(ExifOrientation.apply(BgrImages.toBgr(pixels), orientation), format, orientation);
    }

    private static BufferedImage readFirstImage(byte[] bytes, ImageFormat format, ImageLimits limits) {
        ImageReader reader = readerFor(format);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            // ignoreMetadata: text/ICC chunks are not parsed (nor inflated); EXIF is read separately
            reader.setInput(input, false, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw ImageProblems.invalid(format, "its header is unreadable (" + describe(e) + ")");
            }
            limits.check(width, height); // before read(): the pixel buffer is only allocated by read()
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image;
            try {
                image = reader.read(0, readParam(reader));
            } catch (IOException | RuntimeException e) {
                throw ImageProblems.invalid(format, describe(e));
            }
            // libjpeg only warns about a missing end and fills the rest with gray: a half image
            // would give confident nonsense downstream, so it is refused like other truncated files.
            for (String warning : warnings) {
                if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw ImageProblems.invalid(format, "the data ends early (" + warning + ")");
                }
            }
            return image;
        } catch (IOException e) { // closing an in-memory stream
            throw ImageProblems.invalid(format, describe(e));
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            // A packaging fault, not a client error: the plugin jar or its service file is missing.
            throw new IllegalStateException("No ImageIO reader for " + format.displayName()
                    + " on the class path; the TwelveMonkeys imageio plugins (and their META-INF/services) must be present");
        }
        return readers.next();
    }

    /** Asks the reader for packed BGR directly when it offers it (JPEG, RGB PNG), saving a conversion copy. */
    private static ImageReadParam readParam(ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            ImageTypeSpecifier type = types.next();
            if (type.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
                param.setDestinationType(type);
                break;
            }
        }
        return param;
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) return "the data ends early";
        }
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); (message == null || message.isBlank()) && cause != null; cause = cause.getCause()) {
            message = cause.getMessage();
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
