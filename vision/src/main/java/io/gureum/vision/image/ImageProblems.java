package io.gureum.vision.image;

import io.gureum.core.Problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The stable error codes of image input, as {@link Problem}s the server renders as problem+json. */
public final class ImageProblems {
    public static final String EMPTY_BODY = "empty_body";
    public static final String UNSUPPORTED_IMAGE_FORMAT = "unsupported_image_format";
    public static final String INVALID_IMAGE = "invalid_image";
    public static final String IMAGE_TOO_LARGE = "image_too_large";
    public static final String IMAGE_TOO_SMALL = "image_too_small";

    private ImageProblems() {}

    public static Problem emptyBody() {
        return new Problem(400, EMPTY_BODY, "Empty body",
                "The request has no image: the body is empty. Send the image bytes ("
                        + ImageFormat.acceptedNames() + ").");
    }

    /** @param recognised the format the bytes look like, or null when unknown */
    static Problem unsupportedFormat(String recognised) {
        String what = recognised == null ? "The body is not an image in a supported format."
                : "The body looks like " + recognised + ", which is not supported.";
        return new Problem(415, UNSUPPORTED_IMAGE_FORMAT, "Unsupported image format",
                what + " Accepted formats: " + ImageFormat.acceptedNames() + ".",
                Map.of("acceptedFormats", ImageFormat.acceptedMediaTypes()));
    }

    public static Problem invalid(ImageFormat format, String why) {
        return new Problem(422, INVALID_IMAGE, "Invalid image",
                "The " + format.displayName() + " image cannot be decoded: " + why
                        + ". The file may be truncated or corrupt.",
                Map.of("format", format.mediaType()));
    }

    static Problem tooLarge(int width, int height, ImageLimits limits) {
        return new Problem(413, IMAGE_TOO_LARGE, "Image too large",
                "The image is " + width + "x" + height + " pixels; the limit is "
                        + megapixels(limits.maxPixels()) + " megapixels and " + limits.maxSide()
                        + " pixels per side. Scale it down and send it again.",
                dimensions(width, height, limits));
    }

    static Problem tooSmall(int width, int height, ImageLimits limits) {
        return new Problem(422, IMAGE_TOO_SMALL, "Image too small",
                "The image is " + width + "x" + height + " pixels; each side must be at least "
                        + limits.minSide() + " pixels.",
                dimensions(width, height, limits));
    }

    private static Map<String, Object> dimensions(int width, int height, ImageLimits limits) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("width", width);
        ext.put("height", height);
        ext.put("maxPixels", limits.maxPixels());
        ext.put("maxSide", limits.maxSide());
        ext.put("minSide", limits.minSide());
        return ext;
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? Long.toString(pixels / 1_000_000)
                : String.format(Locale.ROOT, "%.1f", pixels / 1e6);
    }
}
