package no.fyrtarn.security;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import no.fyrtarn.testing.LogCapture;

/**
 * The service against an identity provider that publishes its keys as a JWKS, as Keycloak or Entra ID do, and rotates
 * them, or is down for a while. Before session 59 smallrye-jwt's defaults held there: a failed refetch of the keys
 * (every hour, or as the IdP's {@code Cache-Control} said) dropped them, so while the IdP was down every new token was
 * refused, each after seconds of retries; and a key the IdP started signing with was looked for at most once in 30
 * minutes, so a second new key within that time, or a new key after a token with a made-up key id, signed everybody
 * out until the next hourly refetch.
 */
@QuarkusTest
@TestProfile(IdpKeysTest.ExternalIdp.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // only for speed: each waits long enough in any order
class IdpKeysTest {

    /** Started by the tests, in the class loader they run in, not by the profile, which Quarkus loads apart. */
    static final Idp IDP = Idp.start();

    /** What the IdP names the service in the tokens it issues for it (its client id). */
    static final String AUDIENCE = "fyrtarn-test";

    public static class ExternalIdp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", Idp.jwksUrl(), "mp.jwt.verify.audiences", AUDIENCE);
        }
    }

    private final String upn = "idp." + unique() + "@test.no";

    @BeforeEach
    void idpUp() {
        IDP.up();
    }

    private int statusWith(String keyId) {
        return statusWith(keyId, Jwt.upn(upn).audience(AUDIENCE));
    }

    private int statusWith(String keyId, JwtClaimsBuilder claims) {
        String token = claims.groups(Set.of("employee")).expiresIn(600).jws().keyId(keyId)
                .sign(IDP.privateKey(keyId)); // a new token each time: a verified one is remembered for minutes
        return given().auth().oauth2(token).get("/api/me").then().extract().statusCode();
    }

    /** A new key that the IdP publishes with these, once the service takes tokens signed with it: its id. */
    private String trusted(String... alsoPublished) throws GeneralSecurityException {
        String key = IDP.newKey();
        IDP.publish(Stream.concat(Stream.of(alsoPublished), Stream.of(key)).toArray(String[]::new));
        await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(500))
                .until(() -> statusWith(key) == 200);
        return key;
    }

    @Test
    @Order(0)
    void a_token_the_idp_issued_to_another_application_is_refused() throws Exception {
        IDP.cacheFor(Duration.ofSeconds(1)); // the next test's new key is fetched with the rest, at once
        String key = trusted();

        try (LogCapture log = LogCapture.of(RefusedTokens.class)) {
            assertThat(statusWith(key, Jwt.upn(upn).audience("intranet"))).as("for another application")
                    .isEqualTo(401);
            assertThat(statusWith(key, Jwt.upn(upn))).as("for no application in particular").isEqualTo(401);
            assertThat(log.warnings()).as("said once for each, naming what the service takes")
                    .anySatisfy(said -> assertThat(said).contains("audience intranet", "[" + AUDIENCE + "]",
                            "MP_JWT_VERIFY_AUDIENCES"))
                    .anySatisfy(said -> assertThat(said).contains("for no audience", "[" + AUDIENCE + "]"));
        }
        assertThat(statusWith(key, Jwt.upn(upn).audience(Set.of("intranet", AUDIENCE)))).as("for this one too")
                .isEqualTo(200);
    }

    @Test
    @Order(1)
    void while_the_idp_is_down_its_tokens_are_still_accepted_with_the_keys_it_published() throws Exception {
        IDP.cacheFor(Duration.ofSeconds(1));
        String key = trusted();

        IDP.down();
        Thread.sleep(1_500); // past the 1 s the IdP said its keys may be kept: the service asks for them again
        assertThat(statusWith(key)).as("a new token of the IdP while it is down").isEqualTo(200);
    }

    @Test
    @Order(2)
    void a_key_the_idp_withdrew_is_refused_once_its_keys_are_fetched_again() throws Exception {
        IDP.cacheFor(Duration.ofSeconds(1));
        String old = trusted();

        IDP.publish(IDP.newKey());
        Thread.sleep(1_500);
        assertThat(statusWith(old)).isEqualTo(401);
    }

    @Test
    @Order(3) // last: the IdP's keys, kept for a day, are not fetched again on their own
    void new_keys_are_trusted_within_a_minute_of_the_idp_signing_with_them_even_one_right_after_another()
            throws Exception {
        IDP.cacheFor(Duration.ofHours(24));
        String first = trusted();

        // anyone may send a token with a key id of their own: the service looks for it at the IdP (or did so within
        // the minute), and the IdP's next key comes within a minute of that
        assertThat(statusWith(IDP.newKey())).as("a key the IdP never published").isEqualTo(401);
        trusted(first);
    }

    /** An IdP's key endpoint: the keys it publishes, for as long as it says they may be kept, or 503 while down. */
    static final class Idp {
        private static final String PORT = "fyrtarn.test.idp-port";

        private final HttpServer server;
        private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
        private volatile String[] published = {};
        private volatile long maxAgeSeconds;
        private volatile boolean down;

        private Idp(HttpServer server) {
            this.server = server;
        }

        static Idp start() {
            try {
                var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
                var idp = new Idp(HttpServer.create(address, 0));
                idp.server.createContext("/jwks.json", exchange -> {
                    byte[] body = idp.down ? "maintenance".getBytes(StandardCharsets.UTF_8) : idp.jwks();
                    exchange.getResponseHeaders().add("Content-Type", idp.down ? "text/plain" : "application/json");
                    exchange.getResponseHeaders().add("Cache-Control", "public, max-age=" + idp.maxAgeSeconds);
                    exchange.sendResponseHeaders(idp.down ? 503 : 200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                idp.server.start();
                return idp;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String jwksUrl() {
            return "http://127.0.0.1:" + port() + "/jwks.json";
        }

        /** The IdP's port, the same in every class loader: a system property. */
        private static int port() {
            return Integer.parseInt((String) System.getProperties().computeIfAbsent(PORT, unset -> {
                try (var socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                    return String.valueOf(socket.getLocalPort());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }

        /** A new key pair of the IdP's, not yet published: its id. */
        String newKey() throws GeneralSecurityException {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String id = "key-" + unique();
            keys.put(id, generator.generateKeyPair());
            return id;
        }

        PrivateKey privateKey(String id) {
            return keys.get(id).getPrivate();
        }

        void publish(String... ids) {
            published = ids;
        }

        void cacheFor(Duration duration) {
            maxAgeSeconds = duration.toSeconds();
        }

        void down() {
            down = true;
        }

        void up() {
            down = false;
        }

        private byte[] jwks() {
            var set = new JsonWebKeySet();
            for (String id : published) {
                var jwk = new RsaJsonWebKey((RSAPublicKey) keys.get(id).getPublic());
                jwk.setKeyId(id);
                jwk.setAlgorithm("RS256");
                jwk.setUse("sig");
                set.addJsonWebKey(jwk);
            }
            return set.toJson().getBytes(StandardCharsets.UTF_8);
        }
    }
}
