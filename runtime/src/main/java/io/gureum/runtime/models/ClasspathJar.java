package io.gureum.runtime.models;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Finds the jar a class was loaded from, for packs whose model data ships inside a library jar. */
final class ClasspathJar {
    private ClasspathJar() {}

    static Path containing(String className) {
        Class<?> anchor = load(className);
        if (anchor == null) {
            throw ModelInstallException.because("class " + className + " is not on this program's classpath, so the"
                    + " library jar that carries the model is missing; use a Gureum build that bundles it"
                    + " (or add the jar to the classpath)");
        }
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            throw ModelInstallException.because("cannot tell which jar class " + className + " was loaded from");
        }
        Path path;
        try {
            path = Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw ModelInstallException.because("class " + className + " was loaded from " + location
                    + ", which is not a jar file on disk, so it cannot be verified");
        }
        if (!Files.isRegularFile(path)) {
            throw ModelInstallException.because("class " + className + " was loaded from " + path
                    + ", which is not a jar file, so it cannot be verified");
        }
        return path;
    }

    /** Looks in the context loader (application servers, plugins) and then in our own. */
    private static Class<?> load(String className) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ClasspathJar.class.getClassLoader()}) {
            if (loader == null) continue;
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }
}
