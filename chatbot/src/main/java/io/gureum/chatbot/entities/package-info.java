/**
 * Entity extraction for the chatbot builder: the entities a bot defines (lists of values with synonyms, regular
 * expressions), the built-in {@code sys.*} ones (numbers, dates, times, date-times, e-mail, phone, URL) in English
 * and Korean, and the inline slot annotations of training phrases ({@link io.gureum.chatbot.entities.AnnotatedPhrase}).
 * Entry point: {@link io.gureum.chatbot.entities.EntityExtractor}.
 */
package io.gureum.chatbot.entities;
