/**
 * Personal information in text: {@link io.gureum.language.pii.PiiDetection} runs one recogniser per
 * {@link io.gureum.language.pii.PiiCategory}, resolves overlaps and redacts. Rules only, no model pack.
 */
package io.gureum.language.pii;
