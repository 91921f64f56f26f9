package org.certhub.local;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops the embedded engines when the hub fails to start: the broker's threads would otherwise
 * keep a half-started JVM alive.
 */
public class LocalEnginesFailureListener implements ApplicationListener<ApplicationFailedEvent> {

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        LocalEngines.stopWithContext();
    }
}
