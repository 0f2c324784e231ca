package io.gatehouse.core.identity;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    private static PasswordPolicy policy(int minLength, boolean symbols, boolean numbers, boolean upper, boolean lower) {
        return new PasswordPolicy(minLength, symbols, numbers, upper, lower, false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static PasswordPolicy strict() {
        return policy(12, true, true, true, true);
    }

    @Test
    void aCompliantPasswordBreaksNoRule() {
        assertEquals(List.of(), strict().violations("Correct-horse-7"));
    }

    @Test
    void aShortPasswordBreaksTheMinimumLength() {
        assertEquals(List.of("Password should have a minimum length of 12"), strict().violations("Short-pw-7a"));
    }

    @Test
    void aPasswordWithoutLowerCaseBreaksThatRule() {
        assertEquals(List.of("Password should have at least one lowercase letter"), strict().violations("CORRECT-HORSE-7"));
    }

    @Test
    void aPasswordWithoutUpperCaseBreaksThatRule() {
        assertEquals(List.of("Password should have at least one uppercase letter"), strict().violations("correct-horse-7"));
    }

    @Test
    void aPasswordWithoutDigitsBreaksTheNumbersRule() {
        assertEquals(List.of("Password should have at least one number"), strict().violations("Correct-horse-x"));
    }

    @Test
    void aPasswordWithoutSymbolsBreaksTheSymbolsRule() {
        assertEquals(List.of("Password should have at least one symbol"), strict().violations("Correcthorse7x"));
    }

    @Test
    void everyBrokenRuleIsNamed() {
        assertEquals(5, strict().violations("").size());
    }

    @Test
    void rulesNotRequiredAreNotChecked() {
        assertEquals(List.of(), policy(6, false, false, false, false).violations("aaaaaa"));
    }

    @Test
    void onlyIamsSymbolsCountAsSymbols() {
        assertEquals(List.of("Password should have at least one symbol"),
                policy(6, true, false, false, false).violations("abc~def`"));
        assertEquals(List.of(), policy(6, true, false, false, false).violations("abc|def"));
    }

    @Test
    void passwordsExpireExactlyWhenAMaximumAgeIsSet() {
        assertFalse(strict().expirePasswords());
        assertTrue(new PasswordPolicy(8, false, false, false, false, false, Optional.of(90), Optional.empty(),
                Optional.empty()).expirePasswords());
    }

    @Test
    void refusesAMinimumLengthOutsideSixTo128() {
        IamException e = assertThrows(IamException.class, () -> policy(5, false, false, false, false));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertTrue(e.getMessage().contains("minimumPasswordLength"), e.getMessage());
        assertThrows(IamException.class, () -> policy(129, false, false, false, false));
    }

    @Test
    void refusesAMaximumAgeOutsideOneTo1095Days() {
        assertThrows(IamException.class, () -> new PasswordPolicy(8, false, false, false, false, false,
                Optional.of(0), Optional.empty(), Optional.empty()));
        assertThrows(IamException.class, () -> new PasswordPolicy(8, false, false, false, false, false,
                Optional.of(1096), Optional.empty(), Optional.empty()));
    }

    @Test
    void refusesReusePreventionOutsideOneTo24() {
        assertThrows(IamException.class, () -> new PasswordPolicy(8, false, false, false, false, false,
                Optional.empty(), Optional.of(0), Optional.empty()));
        assertThrows(IamException.class, () -> new PasswordPolicy(8, false, false, false, false, false,
                Optional.empty(), Optional.of(25), Optional.empty()));
    }

    @Test
    void withoutAPolicyEightCharactersOfThreeTypesAreRequired() {
        assertEquals(List.of(), DefaultPasswordRules.violations("abcdEF12"));
        assertEquals(1, DefaultPasswordRules.violations("abcdefgh1").size());
        assertEquals(1, DefaultPasswordRules.violations("aB1!").size());
        assertEquals(2, DefaultPasswordRules.violations("abc").size());
    }
}
