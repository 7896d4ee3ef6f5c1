package cloud.scaling.client;

import cloud.scaling.client.api.IncidentsApi;
import cloud.scaling.client.invoker.ApiClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The entry point of the Scaling Java client.
 * <pre>{@code
 * ScalingClient client = ScalingClient.builder().apiKey(System.getenv("SCALING_API_KEY")).build();
 * Incident incident = client.incidents().create(new IncidentCreate().title("Checkout down").severity(Severity.HIGH));
 * client.incidents().list(IncidentFilter.ALL).forEach(i -> System.out.println(i.getTitle()));
 * }</pre>
 *
 * <p>The models ({@code cloud.scaling.client.model}) and one API class per tag of the spec
 * ({@code cloud.scaling.client.api}) are generated from the Scaling OpenAPI document. {@link #incidents()} adds
 * conveniences for incidents; every operation of the spec is reachable through {@link #api(Function)}, e.g.
 * {@code client.api(MetaApi::new).getHealth()}.
 *
 * <p>Every call made through this client, generated or convenient:
 * <ul>
 *   <li>sends {@code Authorization: Bearer <key>}, a {@code User-Agent} naming this library and its version, and,
 *       on a POST, an {@code Idempotency-Key} that its retries reuse;</li>
 *   <li>retries 429, 502, 503, 504 and timeouts up to 3 times, waiting as a 429's {@code Retry-After} says (at
 *       most 60 s) or else a random, exponentially growing while (at most 30 s); never retries other answers;</li>
 *   <li>throws a {@link ScalingApiException} (or a subtype) for an error answer, and a
 *       {@link ScalingTransportException} when the server cannot be reached or does not answer in time.</li>
 * </ul>
 * A client is thread-safe; build one and share it.
 */
public final class ScalingClient {

    /** The Scaling cloud; point {@link Builder#baseUrl(String)} at a self-hosted server instead. */
    public static final String DEFAULT_BASE_URL = "https://api.scaling.cloud";

    /**
     * The version of the API this client speaks: the spec's {@code info.version}, written into the generated code
     * when the client is built from the spec, so the two cannot drift. Sent in every {@code User-Agent}.
     */
    public static final String SPEC_VERSION = cloud.scaling.client.invoker.Configuration.VERSION;

    private final ApiClient apiClient;
    private final Incidents incidents;

    private ScalingClient(ApiClient apiClient) {
        this.apiClient = apiClient;
        this.incidents = new Incidents(new IncidentsApi(apiClient));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Create, get and list incidents; the remaining incident operations are on {@link Incidents#api()}. */
    public Incidents incidents() {
        return incidents;
    }

    /**
     * A generated API class on this client's transport, for any operation of the spec:
     * {@code client.api(IncidentsApi::new)}, {@code client.api(MetaApi::new)} and so on for every tag. Its methods
     * return the response envelopes as the spec defines them ({@code getData()} holds the payload) and throw the
     * exceptions described on this class.
     */
    public <A> A api(Function<ApiClient, A> generatedApi) {
        return generatedApi.apply(apiClient);
    }

    /** Configures a {@link ScalingClient}; only the API key is required. */
    public static final class Builder {

        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration timeout = Duration.ofSeconds(30);
        private Sleeper sleeper = Sleeper.THREAD;
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder() {}

        /** The organization's API key, {@code scl_live_...}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The server, e.g. {@code http://localhost:8080}; default {@value ScalingClient#DEFAULT_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** How long to wait for a connection, and then for each answer; default 30 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** For tests of the retry policy: waits without waiting. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** For tests of the retry policy: makes the backoff's jitter predictable. */
        Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public ScalingClient build() {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException("An API key is required: ScalingClient.builder().apiKey(...)");
            }
            Objects.requireNonNull(timeout, "timeout");
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            ApiClient generated =
                    new ApiClient(
                            HttpClient.newBuilder(),
                            ApiClient.createDefaultObjectMapper(),
                            withoutTrailingSlash(baseUrl)) {
                        private final ScalingTransport transport = new ScalingTransport(
                                http,
                                apiKey.trim(),
                                new RetryPolicy(random),
                                sleeper,
                                new ErrorResponses(getObjectMapper()));

                        /** Every generated API class sends through this, the Scaling transport. */
                        @Override
                        public HttpClient getHttpClient() {
                            return transport;
                        }
                    };
            generated.setReadTimeout(timeout);
            return new ScalingClient(generated);
        }

        private static String withoutTrailingSlash(String url) {
            return Objects.requireNonNull(url, "baseUrl").strip().replaceAll("/+$", "");
        }
    }
}
