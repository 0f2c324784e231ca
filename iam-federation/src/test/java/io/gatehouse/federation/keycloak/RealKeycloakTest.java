package io.gatehouse.federation.keycloak;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test class that talks to the {@link RealKeycloak} server; {@code -DexcludedGroups=keycloak} leaves them out. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("keycloak")
@ExtendWith(RealKeycloak.class)
@interface RealKeycloakTest {
}
