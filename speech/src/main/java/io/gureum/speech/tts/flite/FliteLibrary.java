package io.gureum.speech.tts.flite;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** The part of Flite's C API ({@code flite.h}) the {@code flite} engine calls. */
interface FliteLibrary extends Library {
    String SONAME = "libflite.so.1";

    int flite_init();

    /** @return a cst_wave the caller frees with {@link #delete_wave}, or null */
    Pointer flite_text_to_wave(byte[] text, Pointer voice);

    void delete_wave(Pointer wave);

    /**
     * @param name a NUL-terminated name that stays allocated for as long as the voice lives: flite keeps the
     *             pointer, not a copy (a Java String would be a temporary JNA frees after the call)
     */
    void feat_set_float(Pointer features, Pointer name, float value);

    /** @return the feature's value, or {@code defaultValue} when the voice does not set it */
    float get_param_float(Pointer features, String name, float defaultValue);

    /** The C library, whose rand() the clustergen voices (slt, rms, awb) draw their noise excitation from. */
    interface C extends Library {
        String NAME = "c";

        void srand(int seed);
    }

    /** cst_voice: only its start, up to the features every voice reads its settings from. */
    @Structure.FieldOrder({"name", "features"})
    final class VoiceHead extends Structure {
        public Pointer name;
        public Pointer features;

        public VoiceHead(Pointer p) {
            super(p);
            read();
        }
    }

    /** cst_wave. */
    @Structure.FieldOrder({"type", "sample_rate", "num_samples", "num_channels", "samples"})
    final class Wave extends Structure {
        public Pointer type;
        public int sample_rate;
        public int num_samples;
        public int num_channels;
        public Pointer samples;

        public Wave(Pointer p) {
            super(p);
            read();
        }
    }
}
