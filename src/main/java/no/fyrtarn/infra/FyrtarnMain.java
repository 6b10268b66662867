package no.fyrtarn.infra;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point of the packaged service: start embedded infrastructure where none is configured, then Quarkus. */
@QuarkusMain
public class FyrtarnMain {

    public static void main(String... args) {
        try (EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.startWhereMissing()) {
            infrastructure.config().forEach(System::setProperty);
            Quarkus.run(args);
        }
    }
}
