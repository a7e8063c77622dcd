package io.gureum.speech.tts.espeak;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** The part of eSpeak NG's C API ({@code speak_lib.h}) the {@code espeak} engine calls. */
interface EspeakLibrary extends Library {
    String SONAME = "libespeak-ng.so.1";

    /** espeak_AUDIO_OUTPUT: samples go to the callback, and espeak_Synth returns when all of them have. */
    int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    /** Initialisation option: report errors instead of calling exit() (which would end the JVM). */
    int INITIALIZE_DONT_EXIT = 0x8000;
    int POS_CHARACTER = 1;
    int CHARS_UTF8 = 1;
    /** Synthesis flag: the pause a sentence ends with, also at the end of the text (chunks join naturally). */
    int ENDPAUSE = 0x1000;

    /** espeak_PARAMETER values. */
    int RATE = 1;
    int VOLUME = 2;
    int PITCH = 3;
    int RANGE = 4;
    int PUNCTUATION = 5;
    int CAPITALS = 6;
    int WORDGAP = 7;

    int EE_OK = 0;

    interface SynthCallback extends Callback {
        /**
         * @param wav        {@code numSamples} 16-bit samples, or null at the end
         * @return 0 to go on, 1 to stop
         */
        int invoke(Pointer wav, int numSamples, Pointer events);
    }

    /** @return the sample rate, or -1 on failure */
    int espeak_Initialize(int output, int bufferMillis, String dataPath, int options);

    void espeak_SetSynthCallback(SynthCallback callback);

    /** @return a null-terminated array of espeak_VOICE pointers, owned by the library */
    Pointer espeak_ListVoices(Pointer voiceSpec);

    int espeak_SetVoiceByName(String name);

    int espeak_SetParameter(int parameter, int value, int relative);

    int espeak_Synth(byte[] text, NativeLong size, int position, int positionType, int endPosition, int flags,
                     Pointer uniqueIdentifier, Pointer userData);

    /** espeak_VOICE. */
    @Structure.FieldOrder({"name", "languages", "identifier", "gender", "age", "variant", "xx1", "score", "spare"})
    final class VoiceInfo extends Structure {
        public Pointer name;
        /** Pairs of a priority byte and a NUL-terminated language name, ending with a 0 byte. */
        public Pointer languages;
        /** The voice file, e.g. {@code gmw/en-US}. */
        public Pointer identifier;
        /** 0 none, 1 male, 2 female. */
        public byte gender;
        public byte age;
        public byte variant;
        public byte xx1;
        public int score;
        public Pointer spare;

        public VoiceInfo(Pointer p) {
            super(p);
            read();
        }
    }
}
