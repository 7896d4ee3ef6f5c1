package cloud.scaling.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The intended structure of the server, as rules over a root package ({@code cloud.scaling} for the server,
 * a fixture package for the rules' own tests). A feature is the first package below the root; a kernel is a
 * feature every other may use.
 */
final class HouseRules {

    /** Features everything may use; they use only each other. */
    static final Set<String> KERNELS = Set.of("shared", "pagination", "web", "secrets", "scheduling");

    /** The package of the code generated from the spec, below the root; {@code api.model} is the wire types. */
    static final String GENERATED = "api";

    private static final String ENTITY = "io.micronaut.data.annotation.MappedEntity";
    private static final String REPOSITORY = "io.micronaut.data.jdbc.annotation.JdbcRepository";
    private static final String CONTROLLER = "io.micronaut.http.annotation.Controller";
    private static final String SERVER_FILTER = "io.micronaut.http.annotation.ServerFilter";

    private HouseRules() {}

    /** Kernels depend on kernels only (an allow-list: a new package is a feature until it is named a kernel). */
    static ArchRule kernelsUseOnlyKernels(String root) {
        return classes()
                .that(are(inFeature(root, KERNELS::contains), "in a kernel"))
                .should(useNoFeatureBut(root, KERNELS::contains, "a kernel"))
                .because("a kernel is what every feature may use, so it can use no feature back");
    }

    /** The generated wire types stay at the edge: controllers, *Wire mappers and the web layer. */
    static ArchRule wireTypesStayAtTheEdge(String root) {
        return noClasses()
                .that(are(notAtTheEdge(root), "not a controller, a filter, a *Wire mapper or in the web layer"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + "." + GENERATED + ".model..")
                .because("the domain speaks domain types; the spec's types are the wire format only");
    }

    /** A feature's rows and repositories are its own: others go through its service or port. */
    static ArchRule noForeignRowsOrRepositories(String root) {
        return classes()
                .that(are(inFeature(root, feature -> true), "in a feature"))
                .should(new ArchCondition<JavaClass>("use no other feature's row or repository") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = featureOf(root, origin).orElseThrow();
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            Optional<String> theirs = featureOf(root, target);
                            if (theirs.isPresent() && !theirs.get().equals(own) && isRowOrRepository(target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a feature's tables are its own; another feature asks its service");
    }

    /** HTTP is the web layer's business (and the controllers' and authentication's), not the domain's. */
    static ArchRule httpStaysAtTheEdge(String root) {
        return noClasses()
                .that(are(
                        notAtTheEdge(root).and(DescribedPredicate.not(inFeature(root, "auth"::equals))),
                        "not a controller, a filter, a *Wire mapper, in the web layer or in auth"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.micronaut.http..")
                .because("a domain service answers in domain terms; the web layer maps them to HTTP");
    }

    /**
     * Outside the edge: in a feature, and not a controller, a server filter, a *Wire mapper or the web layer (nor
     * a class nested in one).
     */
    private static DescribedPredicate<JavaClass> notAtTheEdge(String root) {
        return DescribedPredicate.describe("not at the edge", (JavaClass type) -> {
            JavaClass outer = topLevel(type);
            return !outer.isAnnotatedWith(CONTROLLER)
                    && !outer.isAnnotatedWith(SERVER_FILTER)
                    && !outer.getSimpleName().endsWith("Wire")
                    && !inFeature(root, "web"::equals).test(type)
                    && inFeature(root, feature -> true).test(type);
        });
    }

    /** {@code $IncidentService$Definition} and its kin: a top-level class whose name starts with {@code $}. */
    private static boolean generatedByMicronaut(JavaClass type) {
        return type.getName().startsWith("$", type.getPackageName().length() + 1);
    }

    private static boolean isRowOrRepository(JavaClass type) {
        return type.isAnnotatedWith(ENTITY) || type.isAnnotatedWith(REPOSITORY);
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static ArchCondition<JavaClass> useNoFeatureBut(
            String root, java.util.function.Predicate<String> allowed, String what) {
        return new ArchCondition<>("use no feature but " + what) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> theirs = featureOf(root, dependency.getTargetClass());
                    if (theirs.isPresent() && !allowed.test(theirs.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * In one of the features {@code which} accepts, and written by us: the classes Micronaut generates beside a
     * bean ({@code $IncidentService$Definition}, {@code $IncidentRow$Introspection}, …) repeat their bean's edges.
     */
    private static DescribedPredicate<JavaClass> inFeature(String root, java.util.function.Predicate<String> which) {
        return DescribedPredicate.describe(
                "in a feature",
                type -> !generatedByMicronaut(type)
                        && featureOf(root, type).filter(which).isPresent());
    }

    private static <T> DescribedPredicate<T> are(DescribedPredicate<T> predicate, String description) {
        return predicate.as(description);
    }

    /**
     * The first package below the root, if the class is in one. The root's own classes are in none, nor is the
     * code generated from the spec ({@code api}).
     */
    static Optional<String> featureOf(String root, JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        String feature = dot < 0 ? rest : rest.substring(0, dot);
        return feature.equals(GENERATED) ? Optional.empty() : Optional.of(feature);
    }
}
