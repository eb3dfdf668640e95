package vn.inspectorate.deploy.demo;

/** A demo record could not be loaded; the message names the call, the status and the problem's detail. */
public final class DemoDataException extends RuntimeException {

    public DemoDataException(String message) {
        super(message);
    }
}
