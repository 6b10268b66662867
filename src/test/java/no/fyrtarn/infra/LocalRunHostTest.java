package no.fyrtarn.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The local run lets anyone sign in as anyone (the local login): only its own machine may reach it, not everyone on
 * the same network, as before session 54.
 */
@QuarkusTest
@TestProfile(LocalRunHostTest.LocalRun.class)
class LocalRunHostTest {

    public static class LocalRun implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "local";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fyrtarn.demo-data", "false"); // not what this is about
        }
    }

    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void the_local_run_answers_its_own_machine_and_nobody_on_its_network() throws IOException {
        answersOnlyItsOwnMachine(base.getPort());
    }

    /** Fails the test when this machine's outward address reaches {@code port} (skips it where there is none). */
    static void answersOnlyItsOwnMachine(int port) throws IOException {
        InetAddress outward = outwardAddress().orElse(null);
        assumeTrue(outward != null, "this machine has no address but loopback");
        // what a listener on every interface gets from that address, so that the refusal below means something
        try (var everyInterface = new ServerSocket(0); var reached = new Socket()) {
            reached.connect(new InetSocketAddress(outward, everyInterface.getLocalPort()), 2_000);
            assertThat(reached.isConnected()).isTrue();
        }

        given().get("/login").then().statusCode(200); // the local login, on 127.0.0.1
        assertThatThrownBy(() -> {
            try (var fromTheNetwork = new Socket()) {
                fromTheNetwork.connect(new InetSocketAddress(outward, port), 2_000);
            }
        }).as("a connection to %s:%d", outward.getHostAddress(), port).isInstanceOf(ConnectException.class);
    }

    /** An IPv4 address of this machine that is not loopback: one its network reaches it at. */
    private static Optional<InetAddress> outwardAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(LocalRunHostTest::upAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance).findFirst();
    }

    private static boolean upAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
