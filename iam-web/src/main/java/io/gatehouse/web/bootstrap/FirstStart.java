package io.gatehouse.web.bootstrap;

import io.gatehouse.core.service.BootstrapResult;
import io.gatehouse.core.service.BootstrapSettings;
import io.gatehouse.persistence.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * At application start: bring the schema up to date, then, on an empty database, create the first
 * account and tell the operator once how to sign in.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    BootstrapTransaction bootstrap;

    @Inject
    @ConfigProperty(name = "gatehouse.bootstrap.account-name", defaultValue = "Management")
    String accountName;

    @Inject
    @ConfigProperty(name = "gatehouse.bootstrap.root-email", defaultValue = "root@gatehouse.local")
    String rootEmail;

    @Inject
    @ConfigProperty(name = "gatehouse.root-password")
    Optional<String> rootPassword;

    @Inject
    @ConfigProperty(name = "gatehouse.bootstrap.admin.access-key-id")
    Optional<String> adminAccessKeyId;

    @Inject
    @ConfigProperty(name = "gatehouse.bootstrap.admin.secret-access-key")
    Optional<String> adminSecretAccessKey;

    @Inject
    @ConfigProperty(name = "gatehouse.http.port", defaultValue = "9080")
    String httpPort;

    private volatile boolean ready;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        SchemaMigrator.migrate(dataSource);
        BootstrapSettings settings = new BootstrapSettings(accountName, rootEmail, nonBlank(rootPassword),
                nonBlank(adminAccessKeyId), nonBlank(adminSecretAccessKey));
        bootstrap.runIfEmpty(settings).ifPresentOrElse(this::announce,
                () -> LOG.info("Gatehouse started; the database already holds accounts, so no bootstrap was needed."));
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }

    /** Printed once, on the console, so a newcomer can sign in and use the AWS CLI at once. */
    private void announce(BootstrapResult result) {
        PrintStream out = System.out;
        String endpoint = "http://localhost:" + httpPort;
        out.println();
        out.println("==================== Gatehouse first start ====================");
        out.println(" Account id:          " + result.account().id());
        out.println(" Root user e-mail:    " + result.account().rootEmail());
        out.println(" Root user password:  " + result.generatedRootPassword()
                .orElse("(as configured in GATEHOUSE_ROOT_PASSWORD)"));
        out.println(" IAM user 'admin' (group Administrators) access key:");
        out.println("   AWS_ACCESS_KEY_ID=" + result.adminKey().key().accessKeyId());
        out.println("   AWS_SECRET_ACCESS_KEY=" + (result.adminKeyGenerated()
                ? result.adminKey().secretAccessKey() : "(as configured in GATEHOUSE_BOOTSTRAP_ADMIN_SECRET_ACCESS_KEY)"));
        out.println(" Try: aws --endpoint-url " + endpoint + " --region us-east-1 iam list-users");
        out.println(" These secrets are shown only now; store them safely.");
        out.println("================================================================");
        out.println();
    }
}
