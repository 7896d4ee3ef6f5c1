package cloud.scaling.startup;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.runtime.Micronaut;
import java.net.BindException;

/**
 * Application context builders that start from the packaged jar without opening it as a zip file system: the
 * service index is seeded ({@link ServiceIndex}) before the builder exists (its constructor already asks the index),
 * and resources are read through {@link JarResourceLoader} (a new one whenever asked: it holds nothing but the class
 * loader, and Micronaut asks once or twice per start).
 */
public final class ContextBuilders {

    private ContextBuilders() {}

    /** The server's builder, as {@code Micronaut.build(args)}. */
    public static Micronaut server(String... args) {
        ServiceIndex.seed(ContextBuilders.class.getClassLoader());
        return new Micronaut() {
            @Override
            public ClassPathResourceLoader getResourceLoader() {
                return new JarResourceLoader(getClassLoader());
            }

            /**
             * A port in use is an operator's matter, and the web server has said so in one line ("Port *:8080
             * already in use"); the default handling would add the same as a stack trace of 40 lines.
             */
            @Override
            protected void handleStartupException(Environment environment, Throwable exception) {
                for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                    if (cause instanceof BindException) {
                        System.exit(1);
                    }
                }
                super.handleStartupException(environment, exception);
            }
        }.args(args);
    }

    /** A plain context's builder, as {@code ApplicationContext.builder()}. */
    public static ApplicationContextBuilder context() {
        ServiceIndex.seed(ContextBuilders.class.getClassLoader());
        return new DefaultApplicationContextBuilder() {
            @Override
            public ClassPathResourceLoader getResourceLoader() {
                return new JarResourceLoader(getClassLoader());
            }
        };
    }
}
