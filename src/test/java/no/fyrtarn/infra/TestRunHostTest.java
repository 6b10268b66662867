package no.fyrtarn.infra;

import java.io.IOException;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The tests' service has the local login too: on a CI machine, as in the local run, only that machine reaches it. */
@QuarkusTest
class TestRunHostTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void the_tests_service_answers_its_own_machine_and_nobody_on_its_network() throws IOException {
        LocalRunHostTest.answersOnlyItsOwnMachine(base.getPort());
    }
}
