package cloud.scaling.meta;

import cloud.scaling.api.MetaApi;
import cloud.scaling.api.model.Health;
import cloud.scaling.api.model.HealthStatus;
import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health, the spec itself (the server serves the very document its interfaces were generated from) and the
 * reference page that renders it.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MetaController implements MetaApi {

    private static final String SPEC_RESOURCE = "openapi/scaling.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(MetaController.class);

    private final DatabaseProbe database;
    private final ApiReferencePage referencePage;
    private final String spec;

    public MetaController(DatabaseProbe database, ApiReferencePage referencePage) {
        this.database = database;
        this.referencePage = referencePage;
        this.spec = readSpec();
    }

    @Override
    public HttpResponse<Health> getHealth() {
        if (databaseAnswers()) {
            return HttpResponse.ok(new Health(HealthStatus.UP));
        }
        throw new ApiException(
                new Problem(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", "The database does not answer."));
    }

    private boolean databaseAnswers() {
        try {
            return database.answers();
        } catch (RuntimeException unreachable) {
            LOG.warn("Health check: the database does not answer", unreachable);
            return false;
        }
    }

    @Override
    public HttpResponse<String> getOpenApiDocument() {
        return HttpResponse.ok(spec).contentType(MediaType.of("application/yaml"));
    }

    @Override
    public HttpResponse<String> getApiReference() {
        return HttpResponse.ok(referencePage.html())
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", ApiReferencePage.CONTENT_SECURITY_POLICY);
    }

    private static String readSpec() {
        try (InputStream in = MetaController.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
