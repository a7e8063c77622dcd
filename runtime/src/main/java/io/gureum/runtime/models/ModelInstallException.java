package io.gureum.runtime.models;

/**
 * Installing a pack failed. The message says what failed and ends with what to run to fix it;
 * {@link #fix()} gives that command alone (for a CLI that wants to print it separately).
 */
public final class ModelInstallException extends RuntimeException {
    private final String fix;

    public ModelInstallException(String message) {
        this(message, null, null);
    }

    public ModelInstallException(String message, Throwable cause) {
        this(message, null, cause);
    }

    private ModelInstallException(String message, String fix, Throwable cause) {
        super(message, cause);
        this.fix = fix;
    }

    /** The command or action that fixes the failure; null when none is known. */
    public String fix() {
        return fix;
    }

    /** A failure deep inside an install, before we know which pack it belongs to. */
    static ModelInstallException because(String reason) {
        return new ModelInstallException(reason, null, null);
    }

    /** Same, with the one thing the user should do about it (e.g. an apt-get line). */
    static ModelInstallException because(String reason, String fix) {
        return new ModelInstallException(reason, fix, null);
    }

    /** The user-facing failure: which pack, why, and the command that fixes it (else: retry). */
    static ModelInstallException of(ModelPack pack, String reason, String fix, Throwable cause) {
        String todo = fix != null ? fix : pack.installCommand();
        String message = "Could not install model " + pack.ref() + " (" + pack.source() + "): " + reason
                + "\n  To fix: " + (fix != null ? fix : "resolve the problem above, then run " + todo);
        return new ModelInstallException(message, todo, cause);
    }

    /** The reason alone, as thrown by {@link #because}. */
    String reason() {
        return getMessage();
    }
}
