package cloud.scaling.web;

/** Thrown by services to answer with a {@link Problem}; rendered by {@link ApiExceptionRoute}. */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
