/**
 * The dialog engine of the chatbot builder, as a plain library: {@link io.gureum.chatbot.dialog.DialogEngine} takes a
 * bot, its intent parser and entity extractor, a session's {@link io.gureum.chatbot.dialog.DialogState} and a
 * message, and returns a {@link io.gureum.chatbot.dialog.DialogTurn}: the reply, the intent, the filled slots, where
 * the dialog stands, and the next state. Deterministic: the same state and message give the same turn.
 */
package io.gureum.chatbot.dialog;
