package cloud.scaling.telemetry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The two JVM meters whose names break Prometheus's conventions ({@code promtool check metrics} warns), replaced:
 * {@code process_cpu_time_ns_total} (a unit other than seconds, abbreviated) by Prometheus's usual
 * {@code process_cpu_seconds_total}, and {@code system_cpu_count} (a gauge with a histogram's suffix) by
 * {@code system_cpus}.
 */
@Factory
class PrometheusNaming {

    private static final String NANOSECOND_CPU_TIME = "process.cpu.time";

    @Singleton
    MeterFilter conventionalNames() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        };
    }

    @Singleton
    MeterFilter noNanosecondCpuTime() {
        return MeterFilter.denyNameStartsWith(NANOSECOND_CPU_TIME);
    }

    @Singleton
    MeterBinder cpuSeconds() {
        return registry -> cpuSeconds(registry, ManagementFactory.getOperatingSystemMXBean());
    }

    private static void cpuSeconds(MeterRegistry registry, OperatingSystemMXBean system) {
        if (system instanceof com.sun.management.OperatingSystemMXBean process && process.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu.seconds", process, bean -> bean.getProcessCpuTime() / 1e9)
                    .description("CPU time used by the server process")
                    .register(registry);
        }
    }
}
