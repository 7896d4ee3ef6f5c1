package cloud.scaling.pager;

import cloud.scaling.web.PublicUrl;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up, one line when pages are sent but cannot link back to this server: the operator forgot a setting. */
@Singleton
class PublicUrlCheck implements ApplicationEventListener<ServerStartupEvent> {

    static final String WARNING = "SCALING_PUBLIC_URL is not set: page emails are sent without links (no responder"
            + " page, no one-click Acknowledge or Resolve; they say how to act through the API). Set it to the"
            + " address people reach this server at, e.g. https://scaling.example.com";

    private static final Logger LOG = LoggerFactory.getLogger(PublicUrlCheck.class);

    private final Mailer mailer;
    private final PublicUrl publicUrl;

    PublicUrlCheck(Mailer mailer, PublicUrl publicUrl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (mailer.configured() && !publicUrl.configured()) {
            LOG.warn(WARNING);
        }
    }
}
