package io.gureum.speech.stt;

import io.gureum.core.Problem;
import io.gureum.runtime.models.ModelPack;
import io.gureum.runtime.models.ModelStore;
import java.util.Optional;

/**
 * An engine whose model is a {@code local:} pack the user puts in the model store (nothing here may download it):
 * it is installed as soon as the pack's files are in place, and until then says which files go in which folder.
 */
public abstract class UserSuppliedRecognizer implements SpeechRecognizer {
    protected final ModelStore store;
    protected final ModelPack pack;

    protected UserSuppliedRecognizer(ModelStore store, String packId) {
        this.store = store;
        this.pack = store.catalog().find(packId, Optional.empty())
                .orElseThrow(() -> new IllegalStateException("the model catalog has no pack " + packId));
    }

    @Override
    public boolean installed() {
        return store.installed(pack).isPresent();
    }

    /** Which files to put in which folder. */
    @Override
    public Problem notInstalled() {
        return store.notInstalled(pack);
    }

    @Override
    public String model() {
        return pack.ref();
    }
}
