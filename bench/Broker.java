import java.nio.file.Path;

import no.fyrtarn.infra.EmbeddedKafka;

/**
 * The local run's embedded Kafka broker ({@link EmbeddedKafka}) in a JVM of its own, for the benches: in production
 * the broker runs apart from the service, so its heap, collections and JIT are not the service's. In the service's
 * JVM the broker's heap made each of the service's young collections about twice as long (docs/performance-log.md,
 * session 18).
 *   java -cp "target/bench-app/app/*:target/bench-app/lib/main/*:target/bench-app/lib/boot/*" bench/Broker.java LOG_DIR PORT
 * Listens on 127.0.0.1:PORT (controller on PORT + 1), prints "ready" once it does, and stops on SIGTERM.
 */
public class Broker {

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[1]);
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), port, port + 1);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-stop"));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
