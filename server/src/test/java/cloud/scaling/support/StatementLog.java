package cloud.scaling.support;

import cloud.scaling.EmbeddedH2;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every SQL statement the server prepares, with the thread that prepared it: the pool's connections come from a
 * data source that records them (on a server started with {@code scaling.test.statement-log=true}). For counting
 * database round trips per request in a test, not for production.
 */
@Singleton
@Requires(property = "scaling.test.statement-log", value = "true")
public class StatementLog implements BeanCreatedEventListener<DatasourceConfiguration>, Ordered {

    /** One prepared statement: the thread that prepared it and its SQL. */
    public record Statement(String thread, String sql) {}

    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

    private final List<Statement> statements = new CopyOnWriteArrayList<>();

    /** After {@link EmbeddedH2}, so that the URL already carries the server's settings. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        configuration.setDataSource(recording(unpooled(configuration)));
        return configuration;
    }

    public List<Statement> statements() {
        return List.copyOf(statements);
    }

    public void clear() {
        statements.clear();
    }

    /**
     * The statements {@code request} sends, whitespace folded, leaving out background work that may run meanwhile
     * on the scheduled executor (such as the key cache's revision check).
     */
    public List<String> during(Runnable request) {
        clear();
        request.run();
        return statements().stream()
                .filter(s -> !s.thread().startsWith("scheduled-executor"))
                .map(s -> s.sql().replaceAll("\\s+", " "))
                .toList();
    }

    private static DataSource unpooled(DatasourceConfiguration configuration) {
        String url = EmbeddedH2.url(configuration.getUrl());
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(url);
            postgres.setUser(configuration.getUsername());
            postgres.setPassword(configuration.getPassword());
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(configuration.getUsername() == null ? "sa" : configuration.getUsername());
        h2.setPassword(configuration.getPassword() == null ? "" : configuration.getPassword());
        return h2;
    }

    private DataSource recording(DataSource target) {
        return proxy(
                DataSource.class,
                target,
                (method, result) ->
                        method.getName().equals("getConnection") ? connection((Connection) result) : result);
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, result) -> result);
    }

    private interface After {
        Object apply(Method method, Object result) throws Exception;
    }

    private <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (type == Connection.class && PREPARING.contains(method.getName())) {
                statements.add(new Statement(
                        Thread.currentThread().getName(),
                        args != null && args.length > 0 && args[0] instanceof String sql ? sql : "(statement)"));
            }
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
