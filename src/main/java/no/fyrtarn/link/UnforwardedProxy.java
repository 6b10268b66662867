package no.fyrtarn.link;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Says once, as a warning, that tracked links are followed through a proxy whose forwarding headers the service does
 * not read ({@code quarkus.http.proxy.proxy-address-forwarding} off). Every click then comes from the proxy's
 * address: readers with the same browser count once between them per counting window, and the unknown codes one
 * scanner tries use up every reader's budget, so links not in memory are refused to all of them for a while. Nothing
 * else shows it: the links still redirect.
 */
@ApplicationScoped
class UnforwardedProxy {

    private static final Logger LOG = Logger.getLogger(UnforwardedProxy.class);

    private volatile boolean said;

    /** Looks at a request whose client the service takes from its connection. */
    void look(HttpServerRequest request, SocketAddress connection) {
        if (said) {
            return;
        }
        String header = request.headers().contains("X-Forwarded-For") ? "X-Forwarded-For"
                : request.headers().contains("Forwarded") ? "Forwarded" : null;
        if (header != null) {
            said = true;
            LOG.warnf("A tracked link was followed through a proxy (%s, with %s), but the service takes each click's"
                    + " address from its connection (quarkus.http.proxy.proxy-address-forwarding is off): every click"
                    + " seems to come from the proxy, so readers with the same browser count once between them, and one"
                    + " scanner's unknown codes get links refused to every reader. Behind a proxy, set"
                    + " QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true, QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true (or"
                    + " ALLOW_FORWARDED for Forwarded) and QUARKUS_HTTP_PROXY_TRUSTED_PROXIES.",
                    connection == null ? "address unknown" : connection.hostAddress(), header);
        }
    }
}
