package cloud.scaling.client;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The client's tests run on the classpath a consumer gets (plus test tools): no Micronaut, not even through the
 * server module the end-to-end test needs. A framework dependency slipping into the client fails here.
 */
class FrameworkFreeTest {

    @Test
    void micronautIsNotOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micronaut.core.annotation.Introspected"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("cloud.scaling.Application"));
    }
}
