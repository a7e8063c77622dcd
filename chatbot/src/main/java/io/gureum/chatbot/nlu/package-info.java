/**
 * Natural-language understanding for the chatbot builder: an intent classifier trained from a bot's example
 * phrases ({@link io.gureum.chatbot.nlu.IntentClassifierTrainer}) that ranks the intents of a user's message and
 * says when the message matches none of them ({@link io.gureum.chatbot.nlu.TrainedIntentModel#parse}).
 */
package io.gureum.chatbot.nlu;
