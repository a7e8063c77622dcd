package io.gureum.bench;

import io.gureum.vision.ocr.OcrEngine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gureum's OCR engines as {@code gureum bench ocr} builds them: by class name, through the public constructor whose
 * parameters it can all supply (the model store, ONNX Runtime options), preferring the one that takes the most. The
 * bench thus depends only on {@link OcrEngine}, and an engine missing from this build is reported, not a compile error.
 */
final class GureumOcrEngines {
    /** An engine: its name in requests and its class. */
    record Spec(String id, String className) {}

    static final List<Spec> ENGINES = List.of(
            new Spec("paddle", "io.gureum.vision.ocr.paddle.PaddleOcr"),
            new Spec("tesseract", "io.gureum.vision.ocr.tesseract.TesseractOcr"));

    private GureumOcrEngines() {}

    /** An engine built, or why it could not be. */
    record Built(OcrEngine engine, String failure) {}

    /**
     * Builds {@code className} with the arguments it asks for, each taken from {@code available} by type.
     *
     * @param available what a constructor may ask for; the first assignable object is passed for each parameter
     */
    static Built build(String className, ClassLoader loader, List<Object> available) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return new Built(null, "not in this build (no " + className + ")");
        }
        if (!OcrEngine.class.isAssignableFrom(type)) return new Built(null, className + " is not an OcrEngine");
        Optional<Constructor<?>> usable = Arrays.stream(type.getConstructors())
                .filter(c -> Modifier.isPublic(c.getModifiers()) && arguments(c, available) != null)
                .max(Comparator.comparingInt(Constructor::getParameterCount));
        if (usable.isEmpty()) {
            return new Built(null, className + " has no public constructor taking only " + Arrays.toString(available.stream()
                    .map(o -> o.getClass().getSimpleName()).toArray()));
        }
        try {
            return new Built((OcrEngine) usable.get().newInstance(arguments(usable.get(), available)), null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Built(null, "could not start: " + message(cause));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new Built(null, "could not start: " + message(e));
        }
    }

    /** The arguments for {@code c} from {@code available}, or null when one parameter has no match. */
    static Object[] arguments(Constructor<?> c, List<Object> available) {
        Class<?>[] types = c.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            args[i] = available.stream().filter(t::isInstance).findFirst().orElse(null);
            if (args[i] == null) return null;
        }
        return args;
    }

    /** A Problem's detail, else the exception's own message with its type. */
    static String message(Throwable e) {
        if (e instanceof io.gureum.core.Problem p) return p.detail();
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.toString();
    }
}
