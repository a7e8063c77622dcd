package io.gureum.vision.ocr.paddle;

import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.image.ImageTensors;
import io.gureum.vision.image.Normalization;
import io.gureum.vision.image.TensorFormat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * PP-OCR's DB text detector: the page scaled so its long side is at most {@link #limitSide} (PaddleOCR's
 * {@code det_limit_side_len}, type "max"; never enlarged) with both sides multiples of 32 (the network
 * downsamples 32x), then a text probability map of the same size, then {@link DbPostProcess}.
 */
final class TextDetector {
    /**
     * PaddleOCR reads images with OpenCV (BGR) and normalises channel 0 with mean 0.485 / std 0.229, the
     * ImageNet figures for red, so the blue channel gets red's figures. {@link Normalization} takes its
     * figures per colour, hence they are given here in swapped order to reproduce what the model was trained on.
     */
    static final TensorFormat FORMAT = new TensorFormat(TensorFormat.Layout.NCHW, TensorFormat.Channels.BGR,
            Normalization.perColour(
                    new float[] {0.406f * 255f, 0.456f * 255f, 0.485f * 255f},
                    new float[] {1f / (0.225f * 255f), 1f / (0.224f * 255f), 1f / (0.229f * 255f)}));

    private final OnnxModel model;
    private final String input;
    private final int limitSide;

    TextDetector(OnnxModel model, int limitSide) {
        this.model = model;
        this.input = model.inputNames().iterator().next();
        this.limitSide = limitSide;
    }

    /** Text regions of the page, corners in page pixels (in side order; reading order is decided later). */
    List<DbPostProcess.Region> detect(BufferedImage page) {
        int w = page.getWidth(), h = page.getHeight();
        double ratio = Math.max(w, h) > limitSide ? (double) limitSide / Math.max(w, h) : 1.0;
        int mw = Math.max(32, (int) Math.round(w * ratio / 32) * 32);
        int mh = Math.max(32, (int) Math.round(h * ratio / 32) * 32);
        BufferedImage scaled = mw == w && mh == h ? page : ImageTensors.resize(page, mw, mh);
        float[] tensor = ImageTensors.toTensor(scaled, FORMAT);
        OnnxModel.Outputs out = model.run(Map.of(input, OnnxModel.Input.floats(tensor, FORMAT.shape(1, mw, mh))));
        String name = out.names().get(0);
        long[] shape = out.shape(name); // [1, 1, mh, mw]
        int ph = (int) shape[2], pw = (int) shape[3];
        return DbPostProcess.regions(out.floats(name), pw, ph, (double) w / pw, (double) h / ph, w, h);
    }
}
