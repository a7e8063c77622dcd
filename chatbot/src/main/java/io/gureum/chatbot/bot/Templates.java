package io.gureum.chatbot.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {slot}} variables in responses, prompts and confirmations. */
public final class Templates {
    private static final Pattern VARIABLE = Pattern.compile("\\{([\\p{L}\\p{N}_.-]+)}");

    private Templates() {}

    /** The variable names in a template, in order. */
    public static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        if (template == null) return names;
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The template with each variable replaced by its value; a variable with no value becomes empty. */
    public static String render(String template, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        m.appendTail(out);
        return out.toString();
    }
}
