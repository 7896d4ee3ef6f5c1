package cloud.scaling.client;

/** HTTP 404. No such object in the caller's organization (or it belongs to another one). */
public final class NotFoundException extends ScalingApiException {

    private static final long serialVersionUID = 1L;

    NotFoundException(ErrorBody error) {
        super(error);
    }
}
