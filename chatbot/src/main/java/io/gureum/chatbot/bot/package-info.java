/**
 * Bot definitions for the chatbot builder, as a plain library: the model ({@link io.gureum.chatbot.bot.Bot} and its
 * records), JSON and YAML reading and writing ({@link io.gureum.chatbot.bot.BotDefinitions}), validation that reports every error
 * with its path ({@link io.gureum.chatbot.bot.BotValidator}), and what a bot compiles to: the intent classifier's
 * training set and the entity extractor ({@link io.gureum.chatbot.bot.BotCompiler}).
 */
package io.gureum.chatbot.bot;
