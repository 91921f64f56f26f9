package org.certhub.tenancy.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certhub.tenancy.Contacts;
import org.certhub.tenancy.TenancyProperties;
import org.certhub.tenancy.kafka.TenancyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The demo community of the default run ({@code certhub.tenancy.demo.enabled}). Once the tenancy
 * topic is read and before the web server starts: creates the demo principals that do not exist,
 * and writes their keys to the credentials file. The keys are only known when they are issued, so
 * when the file is missing (or a demo principal is), every demo key is reissued and the file
 * rewritten; when all exist and the file too, nothing changes.
 */
@Component
class DemoCommunity implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

    private final TenancyProperties properties;
    private final TenancyView view;
    private final PrincipalAdministration administration;
    private final DemoCredentialsFile file;
    private volatile boolean running;

    DemoCommunity(TenancyProperties properties, TenancyView view, PrincipalAdministration administration) {
        this.properties = properties;
        this.view = view;
        this.administration = administration;
        this.file = new DemoCredentialsFile(properties.demo().credentialsFile());
    }

    @Override
    public void start() {
        running = true;
        if (!properties.demo().enabled()) {
            return;
        }
        List<NewPrincipal> demo = DemoPrincipals.all(properties.defaultTlp());
        boolean complete = demo.stream().allMatch(principal -> view.stored(principal.id()).isPresent());
        if (complete && file.exists()) {
            giveContactsToThoseWithout(demo);
            log.info("Demo community: API keys in {}", file.path());
            return;
        }
        DemoCredentialsFile.Replacement replacement;
        try {
            replacement = file.prepare();
        } catch (IOException e) {
            log.warn("Demo community: cannot write {} ({}); demo principals and keys left as they are", file.path(),
                    e.toString());
            return;
        }
        try {
            List<DemoCredentialsFile.Entry> entries = new ArrayList<>();
            for (NewPrincipal principal : demo) {
                IssuedKey issued = issue(principal);
                entries.add(new DemoCredentialsFile.Entry(issued.principal().id(), issued.principal().kind(),
                        issued.principal().roles(), issued.key().value()));
            }
            replacement.commit(entries);
        } catch (IOException e) {
            replacement.abandon();
            throw new IllegalStateException("Could not write the demo credentials file " + file.path(), e);
        } catch (RuntimeException e) {
            replacement.abandon();
            throw e;
        }
        giveContactsToThoseWithout(demo);
        log.info("Demo community: {} principals, API keys written to {}", demo.size(), file.path());
    }

    /** Demo contacts for demo principals that have none (also those created before contacts existed). */
    private void giveContactsToThoseWithout(List<NewPrincipal> demo) {
        for (NewPrincipal principal : demo) {
            view.stored(principal.id()).filter(stored -> stored.contacts().equals(Contacts.none()))
                    .ifPresent(stored -> administration.setContacts(principal.id(), DemoPrincipals.contactsOf(principal)));
        }
    }

    private IssuedKey issue(NewPrincipal principal) {
        Optional<IssuedKey> created = administration.create(principal);
        return created.or(() -> administration.rotateKey(principal.id()))
                .orElseThrow(() -> new IllegalStateException("Demo principal " + principal.id() + " vanished"));
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Right after the tenancy topic is read, still before the web server. */
    @Override
    public int getPhase() {
        return TenancyView.LOADING_PHASE + 1;
    }
}
