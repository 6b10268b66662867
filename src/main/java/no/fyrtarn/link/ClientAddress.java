package no.fyrtarn.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a click's client is told apart by (hashed, never kept) and scans are refused by.
 * <ul>
 * <li>Without proxy address forwarding, the connection's. When a request comes with {@code X-Forwarded-For} or
 * {@code Forwarded} all the same, a proxy the service is not told about is in front, and every click seems to come
 * from it: readers with the same browser count once between them per counting window, and the unknown codes one
 * scanner tries use up every reader's budget. The links still redirect, so this is said once, as a warning.</li>
 * <li>With forwarding, Quarkus's reading: the first address of {@code X-Forwarded-For}, from a proxy it trusts. A
 * header of several addresses from such a proxy may be an appending proxy's (below), and is said once.</li>
 * <li>Behind proxies that append the address they saw to {@code X-Forwarded-For} instead of replacing it (AWS's and
 * Google's load balancers, nginx with {@code $proxy_add_x_forwarded_for}), that first address is whatever the reader
 * wrote: a reader writing a new one each time would count as a new reader at each click, and a scanner would escape
 * its budget of unknown codes.
 * {@code fyrtarn.links.forwarded-for-depth} N then takes the Nth address from the right, the one the outermost of
 * those proxies saw; only from a proxy Quarkus trusts, which it says in {@code X-Forwarded-Trusted-Proxy}.</li>
 * </ul>
 * Settings that let a client name its own address are said at start.
 */
@ApplicationScoped
class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String TRUSTED_PROXY = "X-Forwarded-Trusted-Proxy";

    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
    boolean forwarding;

    @ConfigProperty(name = "quarkus.http.proxy.enable-trusted-proxy-header", defaultValue = "false")
    boolean trustedProxyHeader;

    @ConfigProperty(name = "quarkus.http.proxy.allow-forwarded", defaultValue = "false")
    boolean allowForwarded;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> trustedProxies;

    @Inject
    LinkConfig config;

    private volatile boolean saidUnforwarded;

    private volatile boolean saidFirstOfSeveral;

    void onStart(@Observes StartupEvent event) {
        problems(forwarding, trustedProxyHeader, allowForwarded, trustedProxies.isPresent(), config.forwardedForDepth())
                .forEach(LOG::warn);
    }

    /** The request's client; null when Vert.x knows no address for the connection. */
    String of(HttpServerRequest request) {
        if (!forwarding) {
            // the connection keeps its address; the request's own would parse forwarding headers and the URI first
            SocketAddress connection = request.connection().remoteAddress();
            if (!saidUnforwarded) {
                lookForProxy(request, connection);
            }
            return host(connection);
        }
        SocketAddress forwarded = request.remoteAddress(); // also what sets the trusted-proxy header
        int depth = config.forwardedForDepth();
        boolean trusted = "true".equals(request.getHeader(TRUSTED_PROXY));
        if (trusted && depth > 0) {
            String appended = fromRight(request.headers().getAll(FORWARDED_FOR), depth);
            if (appended != null) {
                return appended;
            }
        } else if (trusted && !saidFirstOfSeveral && !allowForwarded) {
            lookForAppending(request.headers().getAll(FORWARDED_FOR), request.connection().remoteAddress());
        }
        return host(forwarded);
    }

    /** An address's host, null when Vert.x knows none. */
    private static String host(SocketAddress address) {
        return address == null ? null : address.hostAddress();
    }

    /** An address as a warning names it. */
    private static String named(SocketAddress address) {
        return address == null ? "address unknown" : address.hostAddress();
    }

    /**
     * Says once that a trusted proxy passed on an X-Forwarded-For of several addresses while the service takes the
     * first. A proxy that replaces the header sends one; one that appends sends one as well, unless the reader sent
     * the header too (with an address of their choice, or from a proxy of their own, as some companies' are).
     */
    private void lookForAppending(List<String> lines, SocketAddress proxy) {
        if (lines.size() > 1 || !lines.isEmpty() && lines.get(0).indexOf(',') >= 0) {
            saidFirstOfSeveral = true;
            LOG.warnf("A tracked link was followed through a trusted proxy (%s) with an X-Forwarded-For of several"
                    + " addresses, and the service takes the first, as fyrtarn.links.forwarded-for-depth is 0. If a"
                    + " proxy in front appends to the header (AWS's and Google's load balancers do, and nginx with"
                    + " $proxy_add_x_forwarded_for), that first address is the reader's own writing, and a reader"
                    + " writing a new one at each click counts again each time: set FYRTARN_LINKS_FORWARDED_FOR_DEPTH"
                    + " to how many addresses the proxies append.",
                    named(proxy));
        }
    }

    private void lookForProxy(HttpServerRequest request, SocketAddress connection) {
        String header = request.headers().contains(FORWARDED_FOR) ? FORWARDED_FOR
                : request.headers().contains("Forwarded") ? "Forwarded" : null;
        if (header != null) {
            saidUnforwarded = true;
            LOG.warnf("A tracked link was followed through a proxy (%s, with %s), but the service takes each click's"
                    + " address from its connection (quarkus.http.proxy.proxy-address-forwarding is off): every click"
                    + " seems to come from the proxy, so readers with the same browser count once between them, and one"
                    + " scanner's unknown codes get links refused to every reader. Behind a proxy, set"
                    + " QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true, QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true (or"
                    + " ALLOW_FORWARDED for Forwarded) and QUARKUS_HTTP_PROXY_TRUSTED_PROXIES.",
                    named(connection), header);
        }
    }

    /**
     * The {@code depth}th address from the right of the {@code X-Forwarded-For} lines taken as one list, without a
     * port; the leftmost when there are fewer; null when there is none.
     */
    static String fromRight(List<String> lines, int depth) {
        List<String> addresses = new ArrayList<>();
        for (String line : lines) {
            for (String part : line.split(",")) {
                if (!part.isBlank()) {
                    addresses.add(part.strip());
                }
            }
        }
        return addresses.isEmpty() ? null : withoutPort(addresses.get(Math.max(0, addresses.size() - depth)));
    }

    /** {@code 192.0.2.7:4711} and {@code [2001:db8::7]:4711} without the port; a bare IPv6 address as it is. */
    private static String withoutPort(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end < 0 ? address : address.substring(1, end);
        }
        int colon = address.indexOf(':');
        return colon >= 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
    }

    /** What in these settings lets a client name its own address, or takes every reader for the proxy. */
    static List<String> problems(boolean forwarding, boolean trustedProxyHeader, boolean allowForwarded,
            boolean proxiesNamed, int depth) {
        List<String> problems = new ArrayList<>();
        if (forwarding && !proxiesNamed) {
            problems.add("quarkus.http.proxy.proxy-address-forwarding is on, but quarkus.http.proxy.trusted-proxies"
                    + " names no proxy: the service takes a click's address from X-Forwarded-For or Forwarded, whoever"
                    + " sends it, so a client that reaches the service past the proxy can have each of its clicks"
                    + " counted as a new reader's. Set QUARKUS_HTTP_PROXY_TRUSTED_PROXIES to the proxy's address or"
                    + " network (10.0.0.0/8).");
        }
        if (depth > 0 && !forwarding) {
            problems.add(("fyrtarn.links.forwarded-for-depth is %d, but quarkus.http.proxy.proxy-address-forwarding is"
                    + " off: the service reads no X-Forwarded-For and takes every click's address from its"
                    + " connection, the proxy's. Set QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true.")
                    .formatted(depth));
        } else if (depth > 0 && !trustedProxyHeader) {
            problems.add(("fyrtarn.links.forwarded-for-depth is %d, but quarkus.http.proxy.enable-trusted-proxy-header"
                    + " is off, so the service cannot tell whether X-Forwarded-For comes from a trusted proxy: it takes"
                    + " the header's first address, which the reader writes when the proxy appends. Leave"
                    + " QUARKUS_HTTP_PROXY_ENABLE_TRUSTED_PROXY_HEADER at true.").formatted(depth));
        } else if (depth > 0 && allowForwarded) {
            problems.add(("fyrtarn.links.forwarded-for-depth is %d and reads X-Forwarded-For, but"
                    + " quarkus.http.proxy.allow-forwarded is on: behind a proxy that writes Forwarded, X-Forwarded-For"
                    + " is whatever the reader sent. Behind one that writes X-Forwarded-For, set"
                    + " QUARKUS_HTTP_PROXY_ALLOW_FORWARDED=false; behind one that writes Forwarded, have it replace the"
                    + " header and leave the depth at 0.").formatted(depth));
        }
        return problems;
    }
}
