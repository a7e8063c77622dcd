package io.gureum.language.pii;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of personal information {@link PiiDetection} finds. {@link #wireName} is the stable name in requests and
 * responses; in brackets, Azure Language's name for the same category.
 */
public enum PiiCategory {
    /** An e-mail address with a domain that has a top-level domain [Email]. */
    EMAIL("email"),
    /** A Korean mobile or landline number, a North American number, or any number in E.164 form (+country) [PhoneNumber]. */
    PHONE_NUMBER("phoneNumber"),
    /** A payment card number: 13-19 digits, a known issuer prefix and a valid Luhn check digit [CreditCardNumber]. */
    CREDIT_CARD_NUMBER("creditCardNumber"),
    /** A Korean resident (or foreigner) registration number, 주민등록번호 YYMMDD-GNNNNNN [KRResidentRegistrationNumber]. */
    KR_RESIDENT_REGISTRATION_NUMBER("krResidentRegistrationNumber"),
    /** An IPv4 or IPv6 address [IPAddress]. */
    IP_ADDRESS("ipAddress"),
    /** An international bank account number with valid check digits [InternationalBankingAccountNumber]. */
    IBAN("iban"),
    /** A web address starting with a scheme (http, https, ftp) or {@code www.} [URL]. */
    URL("url"),
    /** A date that is, or may be, someone's date of birth [DateOfBirth]. */
    DATE_OF_BIRTH("dateOfBirth");

    private final String wireName;

    PiiCategory(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() { return wireName; }

    public static Optional<PiiCategory> byWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
