package io.gureum.speech.tts;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Flattens the SSML subset into {@link Segment}s: {@code speak} (xml:lang), {@code voice} (name, xml:lang,
 * gender), {@code prosody} (rate, pitch, volume: see {@link SsmlValues}), {@code break} (time, strength),
 * {@code say-as} (interpret-as characters, spell-out, digits), {@code sub} (alias), and {@code p} / {@code s}
 * (xml:lang; they end a sentence). Anything else (another element, attribute or value) is reported as
 * {@code invalid_ssml} with its line and column, rather than silently ignored, so a caller sees at once why the
 * speech is not what they wrote.
 *
 * <p>The parser is SAX (positions for every element) with DOCTYPEs refused, so no entity expansion or external
 * fetch can happen.
 */
final class SsmlParser {
    static final String SSML_NAMESPACE = "http://www.w3.org/2001/10/synthesis";
    private static final String XML_LANG = "xml:lang";
    private static final String SUPPORTED_ELEMENTS = "speak, voice, prosody, break, say-as, sub, p, s";

    private final VoiceCatalog voices;
    private final SAXParserFactory factory;

    SsmlParser(VoiceCatalog voices) {
        this.voices = voices;
        this.factory = secureFactory();
    }

    /**
     * @param requestVoice the voice the request names, or null: the document's {@code xml:lang}, else
     *                     {@code defaultVoice}
     * @param requested    the request's rate, pitch and volume, which the document's prosody applies on top of
     */
    Script parse(String ssml, Voice requestVoice, Voice defaultVoice, Prosody requested) {
        Flattener flattener = new Flattener(requestVoice, defaultVoice, requested);
        try {
            SAXParser parser;
            synchronized (factory) { // a factory is not documented as thread-safe; a parser is used by one thread
                parser = factory.newSAXParser();
            }
            parser.parse(new InputSource(new StringReader(ssml)), flattener);
        } catch (SAXParseException e) {
            String what = e.getMessage().contains("DOCTYPE")
                    ? "a DOCTYPE is not allowed: SSML needs no DTD or entities" : e.getMessage();
            throw TtsProblems.invalidSsml(e.getLineNumber(), e.getColumnNumber(), what);
        } catch (SAXException e) {
            throw TtsProblems.invalidSsml(-1, -1, e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot read SSML from a string", e);
        }
        return flattener.script();
    }

    private static SAXParserFactory secureFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    /**
     * What an open element says about the text inside it.
     *
     * @param sayAs when inside say-as, else null
     * @param alias when inside sub, else null
     */
    private record Scope(String element, Voice voice, Prosody prosody, SayAs sayAs, String alias) {
        Scope with(String element, Voice voice, Prosody prosody) {
            return new Scope(element, voice, prosody, null, null);
        }

        boolean textOnly() {
            return sayAs != null || alias != null;
        }
    }

    private final class Flattener extends DefaultHandler {
        private final Voice requestVoice;
        private final Voice defaultVoice;
        private final Prosody requested;
        private final Deque<Scope> scopes = new ArrayDeque<>();
        private final List<Segment> segments = new ArrayList<>();
        /** The speech not yet made a segment, all in one voice and prosody. */
        private final StringBuilder run = new StringBuilder();
        private Scope runScope;
        /** say-as and sub content, read whole before it is spoken. */
        private final StringBuilder literal = new StringBuilder();
        /** All the text content, as written (sub: its alias), for metering. */
        private final StringBuilder billed = new StringBuilder();
        private Voice documentVoice;
        private Locator locator;

        Flattener(Voice requestVoice, Voice defaultVoice, Prosody requested) {
            this.requestVoice = requestVoice;
            this.defaultVoice = defaultVoice;
            this.requested = requested;
        }

        Script script() {
            return new Script(documentVoice, List.copyOf(segments), Texts.codePointsCollapsed(billed));
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            Scope parent = scopes.peek();
            if (!uri.isEmpty() && !uri.equals(SSML_NAMESPACE)) throw unknownElement(qName);
            if (parent == null && !localName.equals("speak")) {
                throw fail("the root element must be <speak>, not <" + qName + ">");
            }
            if (parent != null && parent.textOnly()) {
                throw fail("<" + parent.element() + "> may contain only text, not <" + qName + ">");
            }
            if (parent != null && parent.element().equals("break")) throw fail("<break> must be empty");
            scopes.push(switch (localName) {
                case "speak" -> speak(parent, attributes);
                case "voice" -> voice(parent, attributes);
                case "p", "s" -> block(parent, localName, attributes);
                case "prosody" -> prosody(parent, attributes);
                case "break" -> pause(parent, attributes);
                case "say-as" -> sayAs(parent, attributes);
                case "sub" -> sub(parent, attributes);
                default -> throw unknownElement(qName);
            });
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Scope scope = scopes.pop();
            if (scope.sayAs() != null) {
                billed.append(literal);
                // Spaces around it: spelled letters must not run into the neighbouring words.
                say(" " + scope.sayAs().spokenForm(literal.toString()) + " ", scope);
            } else if (scope.alias() != null) {
                billed.append(scope.alias());
                say(scope.alias(), scope);
            }
            literal.setLength(0);
            if (localName.equals("p") || localName.equals("s") || scopes.isEmpty()) endRun();
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            Scope scope = scopes.peek();
            if (scope == null) return;
            if (scope.textOnly()) {
                literal.append(ch, start, length);
            } else if (scope.element().equals("break")) {
                if (!new String(ch, start, length).isBlank()) throw fail("<break> must be empty");
            } else {
                billed.append(ch, start, length);
                say(new String(ch, start, length), scope);
            }
        }

        private Scope speak(Scope parent, Attributes attributes) throws SAXException {
            if (parent != null) throw fail("<speak> is the root element; it cannot be inside another");
            allowOnly(attributes, "speak", "version", XML_LANG);
            String lang = attributes.getValue(XML_LANG);
            documentVoice = requestVoice != null ? requestVoice
                    : lang != null ? voiceFor(lang, null) : defaultVoice;
            return new Scope("speak", documentVoice, requested, null, null);
        }

        private Scope voice(Scope parent, Attributes attributes) throws SAXException {
            allowOnly(attributes, "voice", "name", XML_LANG, "gender");
            String name = attributes.getValue("name");
            String lang = attributes.getValue(XML_LANG);
            String gender = attributes.getValue("gender");
            Voice voice;
            if (name != null) {
                voice = voices.find(name).orElseThrow(() -> fail("there is no voice '" + name + "'. "
                        + TtsProblems.howToFindVoices()));
            } else if (lang != null || gender != null) {
                voice = voiceFor(lang != null ? lang : parent.voice().language(), gender(gender));
            } else {
                throw fail("<voice> needs a name (a voice id), an xml:lang or a gender");
            }
            return parent.with("voice", voice, parent.prosody());
        }

        private Scope block(Scope parent, String element, Attributes attributes) throws SAXException {
            allowOnly(attributes, element, XML_LANG);
            endRun();
            String lang = attributes.getValue(XML_LANG);
            Voice voice = lang == null ? parent.voice() : voiceFor(lang, parent.voice().gender());
            return parent.with(element, voice, parent.prosody());
        }

        private Scope prosody(Scope parent, Attributes attributes) throws SAXException {
            allowOnly(attributes, "prosody", "rate", "pitch", "volume");
            if (attributes.getLength() == 0) throw fail("<prosody> needs a rate, pitch or volume");
            Prosody prosody = parent.prosody();
            try {
                String rate = attributes.getValue("rate");
                String pitch = attributes.getValue("pitch");
                String volume = attributes.getValue("volume");
                if (rate != null) prosody = prosody.withRate(SsmlValues.rate(rate, prosody.rate(), requested.rate()));
                if (pitch != null) {
                    prosody = prosody.withPitch(SsmlValues.pitch(pitch, prosody.pitch(), requested.pitch()));
                }
                if (volume != null) {
                    prosody = prosody.withVolume(SsmlValues.volume(volume, prosody.volume(), requested.volume()));
                }
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
            return parent.with("prosody", parent.voice(), prosody);
        }

        private Scope pause(Scope parent, Attributes attributes) throws SAXException {
            allowOnly(attributes, "break", "time", "strength");
            String time = attributes.getValue("time");
            String strength = attributes.getValue("strength");
            int millis;
            try {
                millis = time != null ? SsmlValues.breakTime(time)
                        : strength != null ? SsmlValues.breakStrength(strength) : SsmlValues.defaultBreak();
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
            endRun();
            if (millis > 0) segments.add(new Segment.Pause(millis));
            return parent.with("break", parent.voice(), parent.prosody());
        }

        private Scope sayAs(Scope parent, Attributes attributes) throws SAXException {
            allowOnly(attributes, "say-as", "interpret-as", "format", "detail");
            String interpretAs = attributes.getValue("interpret-as");
            if (interpretAs == null) throw fail("<say-as> needs interpret-as (" + SayAs.SUPPORTED + ")");
            SayAs sayAs = SayAs.of(interpretAs);
            if (sayAs == null) {
                throw fail("say-as interpret-as '" + interpretAs + "' is not supported; use " + SayAs.SUPPORTED);
            }
            return new Scope("say-as", parent.voice(), parent.prosody(), sayAs, null);
        }

        private Scope sub(Scope parent, Attributes attributes) throws SAXException {
            allowOnly(attributes, "sub", "alias");
            String alias = attributes.getValue("alias");
            if (alias == null) throw fail("<sub> needs an alias: the text to say instead of its content");
            return new Scope("sub", parent.voice(), parent.prosody(), null, alias);
        }

        /** Adds speech to the run, first ending the run when the voice or prosody changes. */
        private void say(String text, Scope scope) {
            if (runScope != null && (!runScope.voice().equals(scope.voice())
                    || !runScope.prosody().equals(scope.prosody()))) {
                endRun();
            }
            if (run.length() == 0) runScope = scope;
            run.append(text);
        }

        private void endRun() {
            String text = Texts.collapseWhitespace(run);
            if (!text.isEmpty()) segments.add(new Segment.Speech(text, runScope.voice(), runScope.prosody().clamped()));
            run.setLength(0);
            runScope = null;
        }

        private Voice voiceFor(String lang, String gender) throws SAXException {
            return voices.forLanguage(lang, gender).orElseThrow(() -> fail("there is no voice for the language '"
                    + lang + "'. " + TtsProblems.howToFindVoices()));
        }

        private String gender(String value) throws SAXException {
            if (value == null) return null;
            return switch (value) {
                case "female" -> Voice.FEMALE;
                case "male" -> Voice.MALE;
                case "neutral" -> null;
                default -> throw fail("gender '" + value + "' is not valid; use female, male or neutral");
            };
        }

        private void allowOnly(Attributes attributes, String element, String... allowed) throws SAXException {
            Set<String> names = Set.of(allowed);
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getQName(i);
                if (!names.contains(name)) {
                    throw fail("<" + element + "> has no attribute '" + name + "'; it takes "
                            + String.join(", ", allowed));
                }
            }
        }

        private SAXParseException unknownElement(String qName) {
            return fail("unknown element <" + qName + ">; the supported elements are " + SUPPORTED_ELEMENTS);
        }

        private SAXParseException fail(String what) {
            return new SAXParseException(what, locator);
        }
    }
}
