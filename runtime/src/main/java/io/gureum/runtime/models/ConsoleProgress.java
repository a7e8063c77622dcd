package io.gureum.runtime.models;

import java.io.PrintStream;
import java.util.Locale;

/** {@link InstallProgress#console}: one line per step, and a byte bar (terminal) or 25% lines (logs). */
final class ConsoleProgress implements InstallProgress {
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    /** Last percentage drawn (terminal) or last quarter printed (logs) in the current step; -1: none. */
    private int shown = -1;
    private boolean barOpen;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void step(ModelPack pack, String message) {
        closeBar();
        shown = -1;
        out.println(pack.ref() + ": " + message);
        out.flush();
    }

    @Override
    public synchronized void bytes(ModelPack pack, long done, long total) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (terminal) {
            if (percent == shown) return;
            shown = percent;
            int filled = percent * BAR_WIDTH / 100;
            out.print("\r  [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%  %s / %s", percent, human(done), human(total)));
            barOpen = true;
            if (percent == 100) closeBar();
        } else {
            int quarter = percent / 25;
            if (quarter <= shown) return;
            shown = quarter;
            out.println(String.format(Locale.ROOT, "  %3d%%  %s / %s", quarter * 25, human(done), human(total)));
        }
        out.flush();
    }

    @Override
    public synchronized void finished(ModelPack pack, InstalledModel model) {
        closeBar();
        out.println(pack.ref() + ": installed in " + model.dir());
        out.flush();
    }

    private void closeBar() {
        if (barOpen) {
            out.println();
            barOpen = false;
        }
    }

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
