package io.gureum.automl.learn;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads a model back from {@link FittedModel#toBytes()}: a family tag, then the family's own format. */
public final class FittedModels {
    private FittedModels() {}

    public static FittedModel read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int tag = in.readInt();
            return switch (tag) {
                case LinearModel.TAG -> LinearModel.read(in);
                case XgboostModel.TAG -> XgboostModel.read(in);
                case LightgbmModel.TAG -> LightgbmModel.read(in);
                default -> throw new IOException("unknown model family tag " + tag);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a model", e);
        }
    }
}
