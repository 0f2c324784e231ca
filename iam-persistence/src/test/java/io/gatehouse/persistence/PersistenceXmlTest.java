package io.gatehouse.persistence;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The container's unit: what Liberty needs to run Hibernate, and no schema work by Hibernate. */
class PersistenceXmlTest {

    private final Document xml = TestPersistenceUnit.readPersistenceXml();

    @Test
    void isAJtaUnitOnTheGatehouseDataSource() {
        var unit = (org.w3c.dom.Element) xml.getElementsByTagNameNS("*", "persistence-unit").item(0);

        assertEquals("gatehouse", unit.getAttribute("name"));
        assertEquals("JTA", unit.getAttribute("transaction-type"));
        assertEquals("jdbc/gatehouse", TestPersistenceUnit.texts(xml, "jta-data-source").get(0));
        assertEquals("org.hibernate.jpa.HibernatePersistenceProvider", TestPersistenceUnit.texts(xml, "provider").get(0));
        assertEquals("true", TestPersistenceUnit.texts(xml, "exclude-unlisted-classes").get(0));
    }

    @Test
    void carriesTheLibertySettings() {
        Properties properties = TestPersistenceUnit.properties(xml);

        assertEquals("org.hibernate.engine.transaction.jta.platform.internal.WebSphereLibertyJtaPlatform",
                properties.getProperty("hibernate.transaction.jta.platform"));
        assertEquals("false", properties.getProperty("hibernate.enhancer.enableDirtyTracking"));
        assertEquals("false", properties.getProperty("hibernate.enhancer.enableLazyInitialization"));
        assertEquals("none", properties.getProperty("hibernate.hbm2ddl.auto"));
    }

    @Test
    void listsEveryEntity() {
        var listed = TestPersistenceUnit.texts(xml, "class");

        for (Class<?> entity : new Class<?>[] {AccountEntity.class, UserEntity.class, TagValue.class, GroupEntity.class,
                GroupMembershipEntity.class, GroupInlinePolicyEntity.class, AccessKeyEntity.class,
                AuditEventEntity.class, PasswordPolicyEntity.class, LoginProfileEntity.class,
                PasswordHistoryEntity.class, MfaDeviceEntity.class, SigningCertificateEntity.class,
                RoleEntity.class, InstanceProfileEntity.class, InstanceProfileRoleEntity.class,
                AccountAliasEntity.class, OrganizationEntity.class, OrganizationAccountEntity.class,
                CreateAccountRequestEntity.class, TokenSigningKeyEntity.class, RoleInlinePolicyEntity.class,
                CredentialReportEntity.class, SamlProviderEntity.class, OpenIdConnectProviderEntity.class,
                LdapProviderEntity.class, RoleMappingEntity.class, LoginProviderEntity.class}) {
            assertTrue(listed.contains(entity.getName()), entity.getName() + " is not listed");
        }
    }
}
