package no.fyrtarn.infra;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * {@code fyrtarn.public-url}, the address people reach the service at: every tracked link employees share and every
 * link to a page the service hands out begins with it. Says at start, outside the local profiles, when it is not an
 * address people elsewhere can reach: left at its default ({@code http://localhost:8080}) each shared link would lead
 * to the clicker's own machine, and nothing else would show that until people complained.
 */
@ApplicationScoped
@Named("publicUrl")
public class PublicUrl {

    private static final Logger LOG = Logger.getLogger(PublicUrl.class);

    @ConfigProperty(name = "fyrtarn.public-url")
    String configured;

    /** Without trailing slashes. */
    private String base;

    @PostConstruct
    void init() {
        base = configured.replaceAll("/+$", "");
    }

    /** The address of one of the service's paths as others reach it. */
    public String of(String path) {
        return base + path;
    }

    /** Whether the service is reached over HTTPS; a URL's scheme is read without regard to case, as browsers do. */
    public boolean https() {
        return configured.regionMatches(true, 0, "https:", 0, "https:".length());
    }

    void onStart(@Observes StartupEvent event) {
        if (!Profiles.local()) {
            problems(configured).forEach(LOG::warn);
        }
    }

    /** What is wrong with this address for a service others reach; empty when nothing is. */
    static List<String> problems(String publicUrl) {
        URI uri;
        try {
            uri = new URI(publicUrl);
        } catch (URISyntaxException e) {
            return List.of(("fyrtarn.public-url (%s) is not a URL: tracked links begin with it. Set FYRTARN_PUBLIC_URL"
                    + " to the address people reach the service at.").formatted(publicUrl));
        }
        List<String> problems = new ArrayList<>();
        if (uri.getHost() == null || loopback(uri.getHost())) {
            problems.add(("fyrtarn.public-url is %s: every tracked link employees share, and the studio's links to a"
                    + " post, would lead there, to the clicker's own machine. Set FYRTARN_PUBLIC_URL to the address"
                    + " people reach the service at.").formatted(publicUrl));
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            problems.add(("fyrtarn.public-url is %s, not https: shared links would travel unencrypted and the pages'"
                    + " session cookies would not be marked Secure.").formatted(publicUrl));
        }
        return problems;
    }

    /** Names this machine itself; looked up only when written as an address, never resolved over the network. */
    private static boolean loopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+|\\[[0-9a-f:.]+]")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(name.replaceAll("^\\[|]$", ""));
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
