import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

import io.quarkus.bootstrap.logging.InitialConfigurator;

import no.fyrtarn.infra.EmbeddedKafka;

/**
 * The local run's embedded Kafka broker ({@link EmbeddedKafka}) in a JVM of its own, for the benches: in production
 * the broker runs apart from the service, so its heap, collections and JIT are not the service's. In the service's
 * JVM the broker's heap made each of the service's young collections about twice as long (docs/performance-log.md,
 * session 18).
 *   java -cp "target/bench-app/app/*:target/bench-app/lib/main/*:target/bench-app/lib/boot/*" bench/Broker.java LOG_DIR PORT
 * Listens on 127.0.0.1:PORT (controller on PORT + 1), prints "ready" once it does, and stops on SIGTERM. Logs at WARN
 * to the console, as the service's JVM logs its embedded broker (application.properties).
 */
public class Broker {

    public static void main(String[] args) throws InterruptedException {
        // Quarkus's boot jar sets the log context up to take every level into a buffer until Quarkus configures
        // logging, which no Quarkus application does in this JVM: left so, the broker wrote a trace line and a JSON
        // description of every request and response into it, a fifth of its JFR samples in a click flood
        // (session 42).
        LogContext.getLogContext().getLogger("").setLevel(Level.WARNING);
        InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] { InitialConfigurator.createDefaultHandler() });
        int port = Integer.parseInt(args[1]);
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), port, port + 1);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-stop"));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
