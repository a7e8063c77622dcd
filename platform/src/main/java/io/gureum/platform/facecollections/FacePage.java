package io.gureum.platform.facecollections;

import java.util.List;

/** One page of a collection's faces, by face id; {@code nextAfter} is the cursor of the next page, null on the last. */
public record FacePage(List<StoredFace> faces, String nextAfter) {}
